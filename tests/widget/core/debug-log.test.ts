import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { debugLog, setDebug } from '../../../widget/core/debug-log.ts';
import { createOutcomeSurvey, type OutcomeSurveyCore } from '../../../widget/core/outcome-survey.ts';
import type { FlushReport } from '../../../worker/delivery/flush-report.ts';
import { type Collector, fakeCollector, fakeMountSurvey, ui } from './stand-ins.ts';

// The real sync link and startSync run; only the network-facing flush is a stand-in.
const report: FlushReport = { sent: 0, duplicates: 0, rejected: 0, retried: 0, expired: 0 };
vi.mock('../../../worker/delivery/flush.ts', () => ({ flush: async () => ({ ...report }) }));
vi.mock('../../../widget/ui/mount-survey.tsx', () => ({ mountSurvey: fakeMountSurvey }));

const base = { endpoint: 'https://collector.example', siteKey: 'site', survey: 'career-outcomes' };
let api: OutcomeSurveyCore;
let collector: Collector;
let info: MockInstance<typeof console.info>;

/** Every console line the widget wrote, as text. */
const logged = () =>
  info.mock.calls.map((args) => args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
const lastMount = () => ui.mounts[ui.mounts.length - 1];

beforeEach(async () => {
  localStorage.clear();
  ui.mounts.length = 0;
  collector = fakeCollector();
  info = vi.spyOn(console, 'info').mockImplementation(() => {});
  const { eraseQueued } = await import('../../../worker/storage/erase-queued.ts');
  await eraseQueued();
  api = createOutcomeSurvey();
});
afterEach(() => {
  api.destroy();
  setDebug(false);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('debugLog', () => {
  it('is silent until debugging is turned on, and again after', () => {
    debugLog('hidden');
    setDebug(true);
    debugLog('queued', 'id-1');
    setDebug(false);
    debugLog('hidden');
    expect(info.mock.calls).toEqual([['outcome-survey:', 'queued', 'id-1']]);
  });
});

describe('the widget with debug on', () => {
  it('logs the trigger decision, the prompt, the queue write and the sync attempt with its result', async () => {
    api.init({ ...base, debug: true, learnerRef: 'l' });
    expect(await api.show()).toBe(true);
    expect(await lastMount().props.onSubmit({ answers: { situation: 'employed' }, consentSensitive: false })).toBe(
      'saved',
    );
    const lines = logged();
    expect(lines).toEqual(
      expect.arrayContaining([
        'outcome-survey: asking career-outcomes ',
        expect.stringMatching(/^outcome-survey: shown .*"trigger":"show"/),
        expect.stringMatching(/^outcome-survey: submitted .*"delivery":"saved"/),
        'outcome-survey: sync attempt by the page',
        expect.stringMatching(/^outcome-survey: flush .*"sent":0/),
      ]),
    );
  });

  it.each([
    ['the learner said "don\'t ask me again" on this device', { doNotAsk: ['career-outcomes'] }, 'do_not_ask'],
    ['the learner answered already', { answered: ['career-outcomes:once'] }, 'answered'],
  ])('says why it does not ask when %s', async (_name, state, reason) => {
    localStorage.setItem('outcome-survey', JSON.stringify(state));
    api.init({ ...base, debug: true });
    expect(await api.show()).toBe(false);
    expect(logged()).toContain(`outcome-survey: not asking career-outcomes ${reason}`);
  });

  it('says when the collector knows the learner opted out on another device', async () => {
    collector.eligibility = { eligible: false, reason: 'opted_out', answeredWaves: [] };
    api.init({ ...base, debug: true, learnerRef: 'l' });
    expect(await api.show()).toBe(false);
    expect(logged()).toContain('outcome-survey: not asking career-outcomes collector says opted_out');
  });

  it('logs a withdrawal with its count', async () => {
    api.init({ ...base, debug: true, learnerRef: 'l' });
    await api.withdraw();
    expect(logged()).toContain('outcome-survey: withdrawn: erased 0 from this device');
  });
});

describe('the widget with debug off', () => {
  it.each([
    ['no debug option', {}],
    ['debug: false', { debug: false }],
  ])('writes nothing to the console through a whole prompt with %s', async (_name, extra) => {
    api.init({ ...base, learnerRef: 'l', ...extra });
    await api.show();
    await lastMount().props.onSubmit({ answers: {}, consentSensitive: false });
    await api.withdraw();
    expect(info).not.toHaveBeenCalled();
  });

  it('goes quiet again when the page re-configures without debug', async () => {
    api.init({ ...base, debug: true });
    api.init(base);
    await api.show();
    expect(info).not.toHaveBeenCalled();
  });
});
