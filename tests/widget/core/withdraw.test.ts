import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SurveyResponse } from '../../../protocol/index.ts';
import { createOutcomeSurvey, type OutcomeSurveyCore } from '../../../widget/core/outcome-survey.ts';
import { createLazyApi } from '../../../widget/entry/lazy-api.ts';
import { deadLetters, moveToDeadLetters } from '../../../worker/storage/dead-letters.ts';
import { eraseQueued } from '../../../worker/storage/erase-queued.ts';
import { enqueue, pendingResponses } from '../../../worker/storage/queue.ts';
import { payloadOf } from '../../../worker/storage/queued-item.ts';
import { fakeCollector, fakeMountSurvey, fakeStartSync } from './stand-ins.ts';

vi.mock('../../../widget/ui/mount-survey.tsx', () => ({ mountSurvey: fakeMountSurvey }));
vi.mock('../../../widget/delivery/start-sync.ts', () => ({ startSync: fakeStartSync }));

const base = { endpoint: 'https://collector.example', siteKey: 'site', survey: 'career-outcomes' };
const to = { endpoint: base.endpoint, siteKey: base.siteKey };

let n = 0;
function response(learnerRef?: string): SurveyResponse {
  n++;
  return {
    id: `0190a0b0-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
    surveyId: 'career-outcomes',
    surveyVersion: 1,
    submittedAt: '2026-01-31T12:00:00Z',
    locale: 'en',
    answers: { situation: 'employed' },
    consent: { sensitive: true, version: '1' },
    ...(learnerRef ? { learnerRef } : {}),
  };
}

/** Queues one response per ref, and turns one more per ref into a dead letter. */
async function fillDevice(refs: (string | undefined)[]) {
  for (const ref of refs) {
    await enqueue(response(ref), to);
    const dead = response(ref);
    await enqueue(dead, to);
    await moveToDeadLetters([
      {
        id: dead.id,
        code: 'rejected',
        surveyId: dead.surveyId,
        to,
        status: 200,
        errors: [],
        deadAt: 0,
        learnerRef: ref,
      },
    ]);
  }
}

const left = async () => ({
  queued: (await pendingResponses()).map((i) => payloadOf(i).learnerRef ?? null).sort(),
  dead: (await deadLetters()).map((d) => d.learnerRef ?? null).sort(),
});

let api: OutcomeSurveyCore;

beforeEach(async () => {
  localStorage.clear();
  fakeCollector();
  await eraseQueued();
  api = createOutcomeSurvey();
});
afterEach(() => {
  api.destroy();
  vi.unstubAllGlobals();
});

describe('OutcomeSurvey.withdraw', () => {
  it("erases the configured learner's queued responses and dead letters, and no one else's", async () => {
    await fillDevice(['ana', 'ben', undefined]);
    api.init({ ...base, learnerRef: 'ana' });
    expect(await api.withdraw()).toBe(2);
    expect(await left()).toEqual({ queued: ['ben', null], dead: ['ben', null] });
    // pending() counts what is set aside too (issue 14).
    expect(await api.pending()).toBe(4);
  });

  it("erases all of this site's queue when the host gives no learnerRef", async () => {
    await fillDevice(['ana', undefined]);
    api.init(base);
    expect(await api.withdraw()).toBe(4);
    expect(await left()).toEqual({ queued: [], dead: [] });
  });

  it('erases for every learner configured on the page, inline elements included', async () => {
    await fillDevice(['ana', 'ben', 'cy']);
    api.init({ ...base, learnerRef: 'ana' });
    const element = document.createElement('outcome-survey');
    const attributes = { endpoint: base.endpoint, 'site-key': 'site', survey: base.survey, 'learner-ref': 'ben' };
    for (const [name, value] of Object.entries({ ...attributes, trigger: 'manual' })) element.setAttribute(name, value);
    document.body.append(element);
    api.attach(element);
    expect(await api.withdraw()).toBe(4);
    expect(await left()).toEqual({ queued: ['cy'], dead: ['cy'] });
    api.detach(element);
    element.remove();
  });

  it('resolves to 0 on an empty device', async () => {
    api.init({ ...base, learnerRef: 'ana' });
    expect(await api.withdraw()).toBe(0);
  });

  it('resolves to 0 and reports on the console when the device store fails', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const outbox = await import('../../../worker/storage/erase-queued.ts');
    const erase = vi.spyOn(outbox, 'eraseQueued').mockRejectedValueOnce(new Error('quota exceeded'));
    expect(await api.withdraw()).toBe(0);
    expect(erase).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledWith('outcome-survey: withdraw() failed:', new Error('quota exceeded'));
    erase.mockRestore();
    error.mockRestore();
  });
});

describe('the lazy API hosts call', () => {
  it('forwards withdraw() to the survey code and resolves to the count', async () => {
    await fillDevice(['ana']);
    const lazy = createLazyApi();
    expect(await lazy.init({ ...base, learnerRef: 'ana' })).toBe(true);
    expect(await lazy.withdraw()).toBe(2);
    expect(await left()).toEqual({ queued: [], dead: [] });
    lazy.destroy();
  });
});
