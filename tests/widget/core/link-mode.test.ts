import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutcomeSurvey, type OutcomeSurveyCore } from '../../../widget/core/outcome-survey.ts';
import { updatePromptState } from '../../../widget/core/triggers/prompt-state.ts';
import { noPromptInFlight } from '../../../widget/delivery/sync-hold.ts';
import { eraseDrafts, readDraft, saveDraft } from '../../../worker/storage/drafts.ts';
import { eraseQueued } from '../../../worker/storage/erase-queued.ts';
import { enqueue, pendingResponses } from '../../../worker/storage/queue.ts';
import { type Collector, fakeCollector, fakeMountSurvey, fakeStartSync, ui } from './stand-ins.ts';

vi.mock('../../../widget/ui/mount-survey.tsx', () => ({ mountSurvey: fakeMountSurvey }));
vi.mock('../../../widget/delivery/start-sync.ts', () => ({ startSync: fakeStartSync }));

const LINK = 'eyJ0IjoxfQ_c2ln';
// The page the collector serves at /s/TOKEN (issue 17, design decision 2), as attributes.
const linkPage = {
  endpoint: 'https://collector.example',
  'site-key': 'personal-link',
  survey: 'career-outcomes',
  locale: 'en',
  link: LINK,
  sw: '/s/outcome-survey-sw.js',
};

let api: OutcomeSurveyCore;
let collector: Collector;
const elements: HTMLElement[] = [];

function attach(attributes: Record<string, string>) {
  const element = document.createElement('outcome-survey');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  elements.push(element);
  api.attach(element);
  return element;
}
const lastMount = () => ui.mounts[ui.mounts.length - 1];

beforeEach(async () => {
  localStorage.clear();
  ui.mounts.length = 0;
  collector = fakeCollector();
  api = createOutcomeSurvey();
  await eraseQueued();
  await eraseDrafts();
});
afterEach(() => {
  vi.restoreAllMocks();
  api.destroy();
  for (const e of elements.splice(0)) e.remove();
  vi.unstubAllGlobals();
});

describe('an embed with a personal link', () => {
  it.each([
    ['no trigger', {}],
    ['trigger "manual"', { trigger: 'manual' }],
    ['trigger "event:x"', { trigger: 'event:x' }],
  ])(
    'shows the survey at once on the element, with %s, and asks the collector nothing but the survey',
    async (_what, extra) => {
      attach({ ...linkPage, ...extra });
      await noPromptInFlight();
      expect(ui.mounts).toHaveLength(1);
      expect(lastMount().props).toMatchObject({ placement: 'inline', survey: { id: 'career-outcomes' } });
      expect(collector.requests.map((r) => new URL(r.url).pathname)).toEqual(['/v1/surveys/career-outcomes']);
    },
  );

  it("shows even where this browser's own flags would not: the collector judged the link before serving it", async () => {
    updatePromptState((s) => {
      s.doNotAsk.push('career-outcomes');
      s.answered.push('career-outcomes:once');
    });
    attach(linkPage);
    await noPromptInFlight();
    expect(ui.mounts).toHaveLength(1);
  });

  it('still waits for its trigger without a link', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    attach({ ...linkPage, link: '', trigger: 'manual' }); // an empty link is refused: nothing shows
    const { link: _link, ...ordinary } = linkPage;
    attach({ ...ordinary, trigger: 'manual' });
    await noPromptInFlight();
    expect(ui.mounts).toHaveLength(0);
  });

  it('starts from the draft kept on this device for the same link, under its attempt id', async () => {
    await saveDraft(LINK, { id: 'attempt-1', surveyId: 'career-outcomes', answers: { situation: 'employed' } });
    attach(linkPage);
    await noPromptInFlight();
    const props = lastMount().props as { initial?: { screen: string; answers: unknown } };
    // The one question is answered: check-your-answers.
    expect(props.initial).toMatchObject({ screen: 'check', answers: { situation: 'employed' } });
    await lastMount().props.onSubmit({ answers: { situation: 'employed' }, consentSensitive: false });
    const [queued] = (await pendingResponses()).flatMap((i) => (i.response ? [i.response] : []));
    expect(queued).toMatchObject({ id: 'attempt-1', link: LINK, answers: { situation: 'employed' } });
  });

  it('starts afresh for another link on the same device', async () => {
    await saveDraft(`${LINK}2`, { id: 'attempt-1', surveyId: 'career-outcomes', answers: { situation: 'employed' } });
    attach(linkPage);
    await noPromptInFlight();
    expect((lastMount().props as { initial?: unknown }).initial).toBeUndefined();
  });

  it("erases the link's draft on withdraw(), with what is queued", async () => {
    await saveDraft(LINK, { id: 'attempt-1', surveyId: 'career-outcomes', answers: { situation: 'employed' } });
    await saveDraft('other', { id: 'attempt-2', surveyId: 'career-outcomes', answers: { situation: 'employed' } });
    await enqueue(
      {
        id: '0190a0b0-0000-7000-8000-000000000001',
        status: 'partial',
        surveyId: 'career-outcomes',
        surveyVersion: 3,
        submittedAt: '2026-01-31T12:00:00Z',
        locale: 'en',
        answers: { situation: 'employed' },
        consent: { sensitive: false, version: '2026-01' },
        link: LINK,
      },
      { endpoint: linkPage.endpoint, siteKey: 'personal-link' },
    );
    attach({ ...linkPage, trigger: 'manual' });
    await noPromptInFlight();
    // The partial, and the "shown" event the link page queued; the draft is no response, so not counted.
    expect(await api.withdraw()).toBe(2);
    expect(await pendingResponses()).toEqual([]);
    expect(await readDraft('career-outcomes', LINK)).toBeUndefined();
    // Another link's draft on this device is not this learner's.
    expect(await readDraft('career-outcomes', 'other')).toBeDefined();
  });
});
