import { beforeEach, describe, expect, it } from 'vitest';
import type { ResolvedSurvey } from '../../../protocol/resolved-survey.ts';
import type { EmbedOptions } from '../../../widget/core/options/option-table.ts';
import { parseOptions } from '../../../widget/core/options/parse-options.ts';
import { recordSteps } from '../../../widget/delivery/record-steps.ts';
import { type FlowEvent, type FlowState, initialFlowState, surveyFlow } from '../../../widget/ui/flow/survey-flow.ts';
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

const parsed = parseOptions({
  endpoint: 'https://collector.example',
  siteKey: 'site',
  survey: 'career-outcomes',
  learnerRef: 'L1',
  courseId: 'c1',
});
const options = (parsed.ok ? parsed.options : undefined) as EmbedOptions;
const prompt = { trigger: 'show', wave: 'm6' };
const flushes: number[] = [];
const sync = Promise.resolve({
  flush: async (ms: number) => {
    flushes.push(ms);
    return undefined;
  },
  stop() {},
});

/** Drives the real flow reducer and hands every state to the recorder, as SurveyApp's effect does. */
function learner() {
  const recorder = recordSteps(survey, options, prompt, sync);
  let state: FlowState = initialFlowState(survey.questions);
  recorder.step(state);
  const act = (...events: FlowEvent[]) => {
    for (const e of events) {
      state = surveyFlow(state, e);
      recorder.step(state);
    }
  };
  const answer = (question: string, option: string) =>
    act({ type: 'set', key: question, value: option }, { type: 'next' });
  return { recorder, act, answer };
}

async function queued() {
  const items = await pendingResponses();
  return {
    events: items.flatMap((i) => (i.event ? [i.event] : [])),
    responses: items.flatMap((i) => (i.response ? [i.response] : [])),
  };
}
const kinds = (events: { kind: string; answered?: number; asked?: number; reason?: string }[]) =>
  events.map(({ kind, answered, asked, reason }) => JSON.parse(JSON.stringify({ kind, answered, asked, reason })));

beforeEach(async () => {
  flushes.length = 0;
  await eraseQueued();
});

describe('recordSteps', () => {
  it('queues shown, started, one progress per answered question and dismissed, and a partial with the answers given', async () => {
    const { recorder, act, answer } = learner();
    act({ type: 'start' });
    answer('situation', 'employed');
    answer('sector', 'it');
    // On the consent screen now; a choice made but never confirmed is not an answer given.
    act({ type: 'dismiss', reason: 'not_now' });
    await recorder.settled();

    const { events, responses } = await queued();
    expect(kinds(events)).toEqual([
      { kind: 'shown' },
      { kind: 'started' },
      // Asked: the questions on the path, the sensitive one included until consent is declined; not only those
      // reached, so leaving early is not a partial by default (docs/denominators.md).
      { kind: 'progress', answered: 1, asked: 4 },
      { kind: 'progress', answered: 2, asked: 4 },
      { kind: 'dismissed', reason: 'not_now' },
    ]);
    expect(events[0]).toMatchObject({
      surveyId: 'career-outcomes',
      surveyVersion: 3,
      learnerRef: 'L1',
      context: { trigger: 'show', wave: 'm6', courseId: 'c1' },
    });
    expect(responses).toEqual([
      expect.objectContaining({
        id: recorder.responseId,
        status: 'partial',
        answers: { situation: 'employed', sector: 'it' },
        context: { trigger: 'show', wave: 'm6', courseId: 'c1' },
      }),
    ]);
    // A contact event carries no answer, under any key.
    for (const e of events) expect(JSON.stringify(e)).not.toMatch(/employed|"it"/);
  });

  it('leaves out the answer on screen when the learner leaves before confirming it', async () => {
    const { recorder, act, answer } = learner();
    act({ type: 'start' });
    answer('situation', 'employed');
    act({ type: 'set', key: 'sector', value: 'it' }, { type: 'dismiss', reason: 'closed' });
    await recorder.settled();
    const { events, responses } = await queued();
    expect(kinds(events).at(-1)).toEqual({ kind: 'dismissed', reason: 'closed' });
    expect(responses.map((r) => r.answers)).toEqual([{ situation: 'employed' }]);
  });

  it('never sends a sensitive answer in a partial without consent', async () => {
    const { recorder, act, answer } = learner();
    act({ type: 'start' });
    answer('situation', 'employed');
    answer('sector', 'it');
    act({ type: 'consent', agree: false });
    answer('salary', 'high');
    act({ type: 'dismiss', reason: 'never' });
    await recorder.settled();
    const { responses } = await queued();
    expect(responses.map((r) => [r.status, r.answers, r.consent.sensitive])).toEqual([
      ['partial', { situation: 'employed', sector: 'it', salary: 'high' }, false],
    ]);
  });

  it.each([
    ['on the intro screen', [] as FlowEvent[], [{ kind: 'shown' }]],
    ['after Start, before any answer', [{ type: 'start' }] as FlowEvent[], [{ kind: 'shown' }, { kind: 'started' }]],
  ])('sends no partial for a learner who leaves %s', async (_, before, expected) => {
    const { recorder, act } = learner();
    act(...before, { type: 'dismiss', reason: 'never' });
    await recorder.settled();
    const { events, responses } = await queued();
    expect(kinds(events)).toEqual([...expected, { kind: 'dismissed', reason: 'never' }]);
    expect(responses).toEqual([]);
  });

  it('records completed, and no dismissal or partial, for a learner who submits and closes the thank-you screen', async () => {
    const { recorder, act, answer } = learner();
    act({ type: 'start' });
    answer('situation', 'employed');
    answer('sector', 'it');
    act({ type: 'consent', agree: true });
    answer('disability', 'yes');
    answer('salary', 'high');
    act({ type: 'submit' }, { type: 'submitted', outcome: 'sent' }, { type: 'dismiss', reason: 'closed' });
    await recorder.settled();
    const { events, responses } = await queued();
    expect(kinds(events).map((e) => e.kind)).toEqual([
      'shown',
      'started',
      'progress',
      'progress',
      'progress',
      'progress',
      'completed',
    ]);
    expect(kinds(events).filter((e) => e.kind === 'progress')).toEqual([
      { kind: 'progress', answered: 1, asked: 4 },
      { kind: 'progress', answered: 2, asked: 4 },
      { kind: 'progress', answered: 3, asked: 4 },
      { kind: 'progress', answered: 4, asked: 4 },
    ]);
    // The complete response itself is the submit path's (submit-response.ts), under recorder.responseId.
    expect(responses).toEqual([]);
  });

  it('sends no partial while the complete response is on its way', async () => {
    const { recorder, act, answer } = learner();
    act({ type: 'start' });
    answer('situation', 'employed');
    answer('sector', 'it');
    act({ type: 'consent', agree: false });
    answer('salary', 'high');
    act({ type: 'submit' }, { type: 'dismiss', reason: 'closed' });
    await recorder.settled();
    const { events, responses } = await queued();
    expect(events.map((e) => e.kind)).not.toContain('dismissed');
    expect(responses).toEqual([]);
  });

  it('records no second progress when the learner goes back and forward over answered questions', async () => {
    const { recorder, act, answer } = learner();
    act({ type: 'start' });
    answer('situation', 'employed');
    act({ type: 'back' }, { type: 'next' });
    await recorder.settled();
    expect(kinds((await queued()).events)).toEqual([
      { kind: 'shown' },
      { kind: 'started' },
      { kind: 'progress', answered: 1, asked: 4 },
    ]);
  });

  it('makes a UUIDv7 id for every event and asks for a flush when shown and when the attempt ends', async () => {
    const { recorder, act } = learner();
    act({ type: 'dismiss', reason: 'not_now' });
    await recorder.settled();
    const { events } = await queued();
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const e of events)
      expect(e.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(flushes).toEqual([0, 0]);
  });
});
