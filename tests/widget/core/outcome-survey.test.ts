import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOutcomeSurvey, type OutcomeSurveyCore } from '../../../widget/core/outcome-survey.ts';
import { noPromptInFlight } from '../../../widget/delivery/sync-hold.ts';
import { payloadOf } from '../../../worker/storage/queued-item.ts';
import { type Collector, fakeCollector, fakeMountSurvey, fakeStartSync, sync, ui } from './stand-ins.ts';

vi.mock('../../../widget/ui/mount-survey.tsx', () => ({ mountSurvey: fakeMountSurvey }));
vi.mock('../../../widget/delivery/start-sync.ts', () => ({ startSync: fakeStartSync }));

const base = { endpoint: 'https://collector.example', siteKey: 'site', survey: 'career-outcomes' };
let api: OutcomeSurveyCore;
let collector: Collector;

beforeEach(async () => {
  localStorage.clear();
  ui.mounts.length = 0;
  sync.requests = 0;
  sync.deliver = false;
  collector = fakeCollector();
  api = createOutcomeSurvey();
  const outbox = await import('../../../worker/storage/erase-queued.ts');
  await outbox.eraseQueued();
});
afterEach(() => {
  api.destroy();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const dialogHosts = () => [...document.body.children].filter((el) => el.shadowRoot);
const lastMount = () => ui.mounts[ui.mounts.length - 1];
/**
 * Resolves once every prompt started so far has shown the survey or decided not to (the record the
 * sync hold keeps): after it, nothing more can be shown, so "nothing was shown" can be checked.
 */
const settle = () => noPromptInFlight();

describe('OutcomeSurvey', () => {
  it('shows the survey on demand in a dialog inside a shadow root, and says so', async () => {
    const shown = vi.fn();
    api.on('shown', shown);
    api.init(base);
    expect(await api.show()).toBe(true);
    expect(dialogHosts()).toHaveLength(1);
    expect(lastMount().props).toMatchObject({ placement: 'dialog', locale: 'en', survey: { id: 'career-outcomes' } });
    expect(shown).toHaveBeenCalledWith({ surveyId: 'career-outcomes', trigger: 'show', wave: undefined });
  });

  it('asks after the host event it waits for, and only that one', async () => {
    api.init({ ...base, trigger: 'event:course_completed' });
    api.track('lesson_viewed');
    await settle();
    expect(ui.mounts).toHaveLength(0);
    api.track('course_completed');
    await vi.waitFor(() => expect(ui.mounts).toHaveLength(1));
  });

  it('asks at most once per cap period, even when the event comes again', async () => {
    api.init({ ...base, trigger: 'event:course_completed' });
    api.track('course_completed');
    await vi.waitFor(() => expect(ui.mounts).toHaveLength(1));
    lastMount().props.onDismiss('closed');
    api.track('course_completed');
    await settle();
    expect(ui.mounts).toHaveLength(1);
    expect(dialogHosts()).toHaveLength(0);
  });

  it('waits the configured delay before asking', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    api.init({ ...base, trigger: 'delay:30' });
    await vi.advanceTimersByTimeAsync(29_000);
    expect(ui.mounts).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    vi.useRealTimers();
    await vi.waitFor(() => expect(ui.mounts).toHaveLength(1));
  });

  it('records "Not now" as a snooze and tells the host', async () => {
    const dismissed = vi.fn();
    api.on('dismissed', dismissed);
    api.init({ ...base, trigger: 'event:done', capDays: 0 });
    await api.show();
    lastMount().props.onDismiss('not_now');
    expect(dismissed).toHaveBeenCalledWith({ surveyId: 'career-outcomes', reason: 'not_now' });
    expect(JSON.parse(localStorage.getItem('outcome-survey') ?? '{}').snoozedUntil['career-outcomes']).toBeGreaterThan(
      Date.now(),
    );
    api.track('done');
    await settle();
    expect(ui.mounts).toHaveLength(1);
  });

  it('keeps "Don\'t ask me again" on the device and at the collector', async () => {
    api.init({ ...base, learnerRef: 'learner-7' });
    await api.show();
    lastMount().props.onDismiss('never');
    const isOptOut = (r: { url: string }) => r.url.endsWith('/opt-out');
    await vi.waitFor(() => expect(collector.requests.some(isOptOut)).toBe(true));
    expect(collector.requests.find(isOptOut)).toEqual({
      method: 'POST',
      url: 'https://collector.example/v1/eligibility/opt-out',
      body: { siteKey: 'site', learnerRef: 'learner-7', surveyId: 'career-outcomes' },
    });
    expect(await api.show()).toBe(false);
  });

  it('does not ask a learner the collector says opted out on another device', async () => {
    collector.eligibility = { eligible: false, reason: 'opted_out', answeredWaves: [] };
    api.init({ ...base, learnerRef: 'learner-7' });
    expect(await api.show()).toBe(false);
    expect(ui.mounts).toHaveLength(0);
  });

  it('asks the wave that is due and never a wave answered elsewhere', async () => {
    const sevenMonthsAgo = new Date(Date.now() - 213 * 86_400_000).toISOString();
    collector.eligibility = { eligible: true, answeredWaves: ['m6'] };
    api.init({ ...base, learnerRef: 'l', trigger: 'waves', completedAt: sevenMonthsAgo });
    await settle();
    expect(ui.mounts).toHaveLength(0);
    collector.eligibility = { eligible: true, answeredWaves: [] };
    const shown = vi.fn();
    api.on('shown', shown);
    api.init({ ...base, learnerRef: 'l', trigger: 'waves', completedAt: sevenMonthsAgo });
    await vi.waitFor(() => expect(shown).toHaveBeenCalledWith(expect.objectContaining({ wave: 'm6' })));
  });

  it('queues the submitted response with its survey version, consent and wave, and reports "saved" when it did not leave', async () => {
    const submitted = vi.fn();
    api.on('submitted', submitted);
    api.init({ ...base, country: 'FR', learnerRef: 'l', courseId: 'c1' });
    await api.show();
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const result = lastMount().props.onSubmit({ answers: { situation: 'employed' }, consentSensitive: false });
    await vi.advanceTimersByTimeAsync(2_500);
    vi.useRealTimers();
    expect(await result).toBe('saved');
    const { pendingResponses } = await import('../../../worker/storage/queue.ts');
    // The contact events of the attempt (shown) share the queue.
    const [item] = (await pendingResponses()).filter((i) => i.response);
    expect(item.to).toEqual({ endpoint: 'https://collector.example', siteKey: 'site' });
    expect(item.response).toMatchObject({
      surveyId: 'career-outcomes',
      surveyVersion: 3,
      locale: 'en',
      country: 'FR',
      answers: { situation: 'employed' },
      consent: { sensitive: false, version: '2026-01' },
      learnerRef: 'l',
      context: { courseId: 'c1', trigger: 'show' },
    });
    expect(submitted).toHaveBeenCalledWith({
      surveyId: 'career-outcomes',
      responseId: payloadOf(item).id,
      delivery: 'saved',
    });
    expect(await api.pending()).toBe(1);
    expect(await api.show()).toBe(false); // answered: not asked again
  });

  it('reports "sent" and "synced" when the flush delivers the response', async () => {
    sync.deliver = true;
    const synced = vi.fn();
    api.on('synced', synced);
    api.init(base);
    await api.show();
    expect(await lastMount().props.onSubmit({ answers: {}, consentSensitive: false })).toBe('sent');
    expect(synced).toHaveBeenCalledWith({ sent: 1 });
    expect(await api.pending()).toBe(0);
  });

  it('refuses invalid options with one console error and an error event, and shows nothing', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const onError = vi.fn();
    api.on('error', onError);
    expect(api.init({ ...base, country: 'France' })).toBe(false);
    // The message's words come in a chunk of their own, fetched only when an option is wrong.
    await vi.waitFor(() => expect(error).toHaveBeenCalledOnce());
    expect(String(error.mock.calls[0][0])).toContain('"country"');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ option: 'country' }));
    expect(await api.show()).toBe(false);
    expect(ui.mounts).toHaveLength(0);
  });

  it.each([
    [
      'on() with an unknown event',
      () => api.on('opened' as never, () => {}),
      /one of shown, dismissed, submitted, synced, error.*got "opened" and function/,
    ],
    ['on() without a handler', () => api.on('shown', 'alert' as never), /handler a function; got "shown" and string/],
    ['track() with a number', () => api.track(42 as never), /track\(eventName\) expects a string.*got 42/],
    ['show() with no survey configured', () => api.show(), /show\(\) found no configured survey; call init\(\)/],
    [
      'show() of a survey not configured',
      () => {
        api.init(base);
        return api.show('other');
      },
      /show\("other"\) found no configured survey with that id/,
    ],
  ])('explains %s in one console error and throws nothing', async (_case, call, message) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const shown = vi.fn();
    api.on('shown', shown);
    expect(call).not.toThrow();
    // The words come in a chunk of their own (widget/core/misuse.ts), fetched only when a call is wrong.
    await vi.waitFor(() => expect(error).toHaveBeenCalledOnce());
    expect(String(error.mock.calls[0][0])).toMatch(message);
    await settle();
    expect(error).toHaveBeenCalledOnce();
    expect(shown).not.toHaveBeenCalled();
  });

  it('still delivers events to a handler added after a wrong call', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const shown = vi.fn();
    api.on('opened' as never, shown);
    api.on('shown', shown);
    api.init(base);
    await api.show();
    expect(shown).toHaveBeenCalledOnce();
  });

  it('takes the survey away on destroy', async () => {
    api.init(base);
    await api.show();
    api.destroy();
    expect(lastMount().unmounted).toBe(true);
    expect(dialogHosts()).toHaveLength(0);
  });
});
