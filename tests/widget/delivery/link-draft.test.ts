import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResolvedSurvey } from '../../../protocol/resolved-survey.ts';
import type { EmbedOptions } from '../../../widget/core/options/option-table.ts';
import { parseOptions } from '../../../widget/core/options/parse-options.ts';
import { buildContactEvent } from '../../../widget/delivery/build-contact-event.ts';
import { buildResponse } from '../../../widget/delivery/build-response.ts';
import { draftAnswers, resumeDraft, resumedFlow } from '../../../widget/delivery/link-draft.ts';
import { recordSteps } from '../../../widget/delivery/record-steps.ts';
import { type FlowEvent, type FlowState, initialFlowState, surveyFlow } from '../../../widget/ui/flow/survey-flow.ts';
import { eraseDrafts, readDraft, saveDraft } from '../../../worker/storage/drafts.ts';
import { eraseQueued } from '../../../worker/storage/erase-queued.ts';
import { pendingResponses } from '../../../worker/storage/queue.ts';

const survey: ResolvedSurvey = {
  id: 'career-outcomes',
  version: 3,
  title: 'Your career',
  consentVersion: '2026-01',
  locale: 'en',
  questions: [
    { id: 'situation', kind: 'single_choice', text: 'Now?', options: [{ id: 'employed', label: 'In work' }] },
    { id: 'sector', kind: 'single_choice', text: 'Where?', options: [{ id: 'it', label: 'IT' }] },
    {
      id: 'disability',
      kind: 'single_choice',
      text: 'Disabled?',
      sensitive: true,
      options: [{ id: 'yes', label: 'Yes' }],
    },
    { id: 'salary', kind: 'single_choice', text: 'Pay?', options: [{ id: 'high', label: 'High' }] },
  ],
} as ResolvedSurvey;

const LINK = 'eyJzIjoiY2FyZWVyLW91dGNvbWVzIn0_c2lnbmF0dXJl';
const optionsWith = (extra: Record<string, unknown>) => {
  const parsed = parseOptions({
    endpoint: 'https://collector.example',
    siteKey: 'personal-link',
    survey: 'career-outcomes',
    ...extra,
  });
  return (parsed.ok ? parsed.options : undefined) as EmbedOptions;
};
const linked = optionsWith({ link: LINK });
const sync = Promise.resolve({ flush: async () => undefined, stop() {} });

// Every attempt a test starts is ended after it, so none still listens for the page being hidden in the next test.
const open: (() => Promise<void>)[] = [];

function learner(options: EmbedOptions = linked, attemptId?: string, from?: FlowState) {
  const recorder = recordSteps(
    survey,
    options,
    { trigger: 'show', wave: undefined },
    sync,
    attemptId ? { id: attemptId } : undefined,
  );
  open.push(() => {
    act({ type: 'dismiss', reason: 'closed' });
    return recorder.settled();
  });
  let state: FlowState = from ?? initialFlowState(survey.questions);
  recorder.step(state);
  const act = (...events: FlowEvent[]) => {
    for (const e of events) {
      state = surveyFlow(state, e);
      recorder.step(state);
    }
  };
  const answer = (question: string, option: string) =>
    act({ type: 'set', key: question, value: option }, { type: 'next' });
  return { recorder, act, answer, state: () => state };
}

const queuedResponses = async () => (await pendingResponses()).flatMap((i) => (i.response ? [i.response] : []));
const queuedEvents = async () => (await pendingResponses()).flatMap((i) => (i.event ? [i.event] : []));

/** The page goes to the background (another app, a reload): what the browser tells the document. */
function hidePage() {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
}

afterEach(async () => {
  for (const end of open.splice(0)) await end();
});

beforeEach(async () => {
  await eraseQueued();
  await eraseDrafts();
});

describe('the link on every record', () => {
  const result = { answers: { situation: 'employed' }, consentSensitive: false };

  it.each([
    ['a response', () => buildResponse(survey, linked, result, 'show', undefined)],
    ['a contact event', () => buildContactEvent(survey, linked, 'shown', { trigger: 'show', wave: undefined })],
  ])('%s built for a personal link carries its token', (_what, build) => {
    expect(build().link).toBe(LINK);
  });

  it.each([
    ['a response', () => buildResponse(survey, optionsWith({}), result, 'show', undefined)],
    [
      'a contact event',
      () => buildContactEvent(survey, optionsWith({}), 'shown', { trigger: 'show', wave: undefined }),
    ],
  ])('%s built without a link carries none', (_what, build) => {
    expect(JSON.parse(JSON.stringify(build()))).not.toHaveProperty('link');
  });

  it('is on every contact event and partial of a recorded attempt, the "never" dismissal included', async () => {
    const { recorder, act, answer } = learner();
    act({ type: 'start' });
    answer('situation', 'employed');
    act({ type: 'dismiss', reason: 'never' });
    await recorder.settled();
    const records = [...(await queuedEvents()), ...(await queuedResponses())];
    expect(records.map((r) => ('kind' in r ? r.kind : r.status))).toEqual([
      'shown',
      'started',
      'progress',
      'dismissed',
      'partial',
    ]);
    for (const r of records) expect(r.link).toBe(LINK);
  });
});

describe('the draft of a personal link', () => {
  it('keeps the answers the learner moved past under the attempt id, never a sensitive one', async () => {
    const { recorder, act, answer } = learner();
    act({ type: 'start' });
    answer('situation', 'employed');
    answer('sector', 'it');
    act({ type: 'consent', agree: true });
    answer('disability', 'yes');
    // Chosen and not yet confirmed: not kept.
    act({ type: 'set', key: 'salary', value: 'high' });
    await recorder.settled();
    expect(await readDraft('career-outcomes', LINK)).toMatchObject({
      id: recorder.responseId,
      surveyId: 'career-outcomes',
      answers: { situation: 'employed', sector: 'it' },
    });
  });

  it('keeps nothing for an embed without a link', async () => {
    const { recorder, act, answer } = learner(optionsWith({}));
    act({ type: 'start' });
    answer('situation', 'employed');
    await recorder.settled();
    expect(await readDraft('career-outcomes', LINK)).toBeUndefined();
  });

  it.each([
    ['not now', 'not_now', true],
    ['closed', 'closed', true],
    ["don't ask me again", 'never', false],
  ] as const)('after a dismissal "%s", is kept: %s', async (_what, reason, kept) => {
    const { recorder, act, answer } = learner();
    act({ type: 'start' });
    answer('situation', 'employed');
    act({ type: 'dismiss', reason });
    await recorder.settled();
    expect((await readDraft('career-outcomes', LINK)) !== undefined).toBe(kept);
  });

  it('is removed once the response is complete', async () => {
    const { recorder, act, answer } = learner();
    act({ type: 'start' });
    answer('situation', 'employed');
    answer('sector', 'it');
    act({ type: 'consent', agree: false });
    answer('salary', 'high');
    await recorder.settled();
    expect(await readDraft('career-outcomes', LINK)).toBeDefined();
    act({ type: 'submit' }, { type: 'submitted', outcome: 'sent' });
    await recorder.settled();
    expect(await readDraft('career-outcomes', LINK)).toBeUndefined();
  });

  it('leaves a partial when the page goes to the background, once per new answer', async () => {
    const { recorder, act, answer } = learner();
    act({ type: 'start' });
    answer('situation', 'employed');
    hidePage();
    hidePage();
    await recorder.settled();
    expect((await queuedResponses()).map((r) => [r.id, r.status, r.answers])).toEqual([
      [recorder.responseId, 'partial', { situation: 'employed' }],
    ]);
  });

  it('leaves no partial on hiding for an embed without a link', async () => {
    const { recorder, act, answer } = learner(optionsWith({}));
    act({ type: 'start' });
    answer('situation', 'employed');
    hidePage();
    await recorder.settled();
    expect(await queuedResponses()).toEqual([]);
  });
});

describe('resuming a personal link', () => {
  const at = (state: FlowState) => ({ screen: state.screen, step: state.step, answers: state.answers });

  it('goes to the first question left to answer, with the kept answers', () => {
    expect(at(resumedFlow(survey.questions, { situation: 'employed' }))).toEqual({
      screen: 'step',
      step: 'sector',
      answers: { situation: 'employed' },
    });
  });

  it('asks for consent again, and the sensitive question after it, before the later answered ones', () => {
    const state = resumedFlow(survey.questions, { situation: 'employed', sector: 'it', salary: 'high' });
    expect(at(state)).toEqual({
      screen: 'step',
      step: '#consent',
      answers: { situation: 'employed', sector: 'it', salary: 'high' },
    });
    expect(state.consent).toBeUndefined();
  });

  it('drops a sensitive answer and answers to questions the survey no longer asks', () => {
    expect(resumedFlow(survey.questions, { situation: 'employed', disability: 'yes', gone: 'x' }).answers).toEqual({
      situation: 'employed',
    });
  });

  it('keeps the same answers a draft would keep, so saving and resuming agree', () => {
    let state = initialFlowState(survey.questions);
    for (const e of [
      { type: 'start' },
      { type: 'set', key: 'situation', value: 'employed' },
      { type: 'next' },
    ] as FlowEvent[])
      state = surveyFlow(state, e);
    expect(at(resumedFlow(survey.questions, draftAnswers(state)))).toEqual(at(state));
  });

  it('reuses the attempt id, so the completion is sent under the id of the partial', async () => {
    const first = learner();
    first.act({ type: 'start' });
    first.answer('situation', 'employed');
    first.act({ type: 'dismiss', reason: 'closed' });
    await first.recorder.settled();

    const resumed = await resumeDraft(survey, LINK);
    expect(resumed?.id).toBe(first.recorder.responseId);
    const again = learner(linked, resumed?.id, resumed?.initial);
    expect(again.recorder.responseId).toBe(first.recorder.responseId);
    expect(again.state().step).toBe('sector');
    again.answer('sector', 'it');
    await again.recorder.settled();
    expect((await readDraft('career-outcomes', LINK))?.answers).toEqual({ situation: 'employed', sector: 'it' });
  });

  it('finds nothing to resume for another link', async () => {
    await saveDraft(LINK, { id: 'r1', surveyId: 'career-outcomes', answers: { situation: 'employed' } });
    expect(await resumeDraft(survey, `${LINK}x`)).toBeUndefined();
  });
});
