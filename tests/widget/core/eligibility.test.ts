import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectorObjection, fetchEligibility, sendOptOut, type Who } from '../../../widget/core/eligibility.ts';
import { parseOptions } from '../../../widget/core/options/parse-options.ts';

const who: Who = {
  endpoint: 'https://collector.example',
  siteKey: 'site',
  learnerRef: 'learner-7',
  surveyId: 'outcomes',
};

type Call = { url: string; init: RequestInit };

function stubFetch(answer: () => Response | Promise<Response>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer();
  });
  return calls;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchEligibility', () => {
  it('POSTs the learnerRef in a JSON body, never in the URL', async () => {
    const calls = stubFetch(() => json({ eligible: true, answeredWaves: [] }));
    await fetchEligibility(who);
    expect(calls).toHaveLength(1);
    const [{ url, init }] = calls;
    expect(url).toBe('https://collector.example/v1/eligibility');
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
    });
    expect(JSON.parse(String(init.body))).toEqual({ siteKey: 'site', learnerRef: 'learner-7', surveyId: 'outcomes' });
  });

  it('reads the answer of a collector that predates waves as no wave answered', async () => {
    stubFetch(() => json({ eligible: true }));
    expect(await fetchEligibility(who)).toEqual({ eligible: true, answeredWaves: [] });
  });

  it('returns what the collector says', async () => {
    stubFetch(() => json({ eligible: false, reason: 'opted_out', answeredWaves: ['m6'] }));
    expect(await fetchEligibility(who)).toEqual({ eligible: false, reason: 'opted_out', answeredWaves: ['m6'] });
  });

  it.each([
    ['an error status', () => json({ error: 'gone' }, 405)],
    ['a body without eligible', () => json({ answeredWaves: [] })],
    ['waves that are not wave labels', () => json({ eligible: true, answeredWaves: [6] })],
    ['a reason that is not text', () => json({ eligible: false, reason: { code: 1 }, answeredWaves: [] })],
    ['a network error', () => Promise.reject(new TypeError('offline'))],
  ])('returns null for %s, so the device decides', async (_name, answer) => {
    stubFetch(answer);
    expect(await fetchEligibility(who)).toBeNull();
  });
});

describe('the learner signature', () => {
  const signed: Who = { ...who, learnerSig: 'ab'.repeat(32) };

  it.each([
    ['/v1/eligibility', () => fetchEligibility(signed)],
    ['/v1/eligibility/opt-out', () => sendOptOut(signed)],
  ])('travels beside the learnerRef to %s', async (path, call) => {
    const calls = stubFetch(() => json({ eligible: true, answeredWaves: [], optedOut: true }));
    await call();
    expect(calls[0].url).toBe(`https://collector.example${path}`);
    expect(JSON.parse(String(calls[0].init.body))).toEqual({
      siteKey: 'site',
      learnerRef: 'learner-7',
      learnerSig: 'ab'.repeat(32),
      surveyId: 'outcomes',
    });
  });

  it('reports a refused opt-out of an unverified learner as not recorded', async () => {
    stubFetch(() => json({ error: 'learnerRef is not verified', code: 'learner_unverified' }, 403));
    expect(await sendOptOut(who)).toBe(false);
  });
});

describe('sendOptOut', () => {
  it('POSTs to the opt-out route and reports whether it was recorded', async () => {
    const calls = stubFetch(() => json({ optedOut: true }));
    expect(await sendOptOut(who)).toBe(true);
    expect(calls[0].url).toBe('https://collector.example/v1/eligibility/opt-out');
    expect(JSON.parse(String(calls[0].init.body))).toMatchObject({ learnerRef: 'learner-7' });
  });
});

describe('collectorObjection', () => {
  const parsed = parseOptions({ endpoint: 'https://collector.example', siteKey: 'site', survey: 'outcomes' });
  if (!parsed.ok) throw new Error('the test options do not parse');
  const options = parsed.options;

  it('asks the collector about this learner and this survey', async () => {
    const calls = stubFetch(() => json({ eligible: true, answeredWaves: [] }));
    await collectorObjection(options, 'learner-7', 'm6');
    expect(JSON.parse(String(calls[0].init.body))).toEqual({
      siteKey: 'site',
      learnerRef: 'learner-7',
      surveyId: 'outcomes',
    });
  });

  it.each([
    [
      'an opt-out',
      () => json({ eligible: false, reason: 'opted_out', answeredWaves: [] }),
      'm6',
      'collector says opted_out',
    ],
    [
      'the due wave answered elsewhere',
      () => json({ eligible: true, answeredWaves: ['m6'] }),
      'm6',
      'wave answered elsewhere',
    ],
    ['another wave answered elsewhere', () => json({ eligible: true, answeredWaves: ['m0'] }), 'm6', null],
    [
      'a survey without waves, answered elsewhere',
      () => json({ eligible: true, answeredWaves: ['m0'] }),
      undefined,
      null,
    ],
    ['no answer (offline), so the device decides', () => Promise.reject(new TypeError('offline')), 'm6', null],
  ])('objects to %s as %j', async (_what, answer, wave, objection) => {
    stubFetch(answer);
    expect(await collectorObjection(options, 'learner-7', wave)).toBe(objection);
  });
});
