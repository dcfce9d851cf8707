import { describe, expect, it } from 'vitest';
import { batch, ORIGIN, post, response, SITE_KEY, testApp } from './test-app.ts';

type App = ReturnType<typeof testApp>['app'];

const who = (learnerRef: string) => ({ siteKey: SITE_KEY, learnerRef, surveyId: 'outcomes' });

const postJson = (app: App, path: string, body: unknown, origin: string | null = ORIGIN) =>
  app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const ask = (app: App, body: unknown, origin?: string | null) => postJson(app, '/v1/eligibility', body, origin);
const optOut = (app: App, body: unknown, origin?: string | null) =>
  postJson(app, '/v1/eligibility/opt-out', body, origin);

describe('POST /v1/eligibility', () => {
  it('holds a learner eligible until they opt out, on any device', async () => {
    const { app } = testApp();
    const first = await ask(app, who('ana'));
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await first.json()).toEqual({ eligible: true, answeredWaves: [] });

    expect(await (await optOut(app, who('ana'))).json()).toEqual({ optedOut: true });
    expect(await (await ask(app, who('ana'))).json()).toEqual({
      eligible: false,
      reason: 'opted_out',
      answeredWaves: [],
    });
    expect(await (await ask(app, who('ben'))).json()).toEqual({ eligible: true, answeredWaves: [] });
  });

  it('reports the waves a learner answered on another device', async () => {
    const { app } = testApp();
    const sent = await post(app, batch(response({ learnerRef: 'ana', context: { wave: 'm6' } })));
    expect((await sent.json()).accepted).toHaveLength(1);
    expect(await (await ask(app, who('ana'))).json()).toEqual({ eligible: true, answeredWaves: ['m6'] });
  });

  it.each([
    ['a missing learnerRef', { siteKey: SITE_KEY, surveyId: 'outcomes' }, 'learnerRef'],
    ['an empty siteKey', { ...who('a'), siteKey: '' }, 'siteKey'],
    ['a numeric learnerRef', { ...who('a'), learnerRef: 42 }, 'learnerRef'],
    ['an unknown survey', { ...who('a'), surveyId: 'nope' }, 'surveyId'],
  ])('answers 400 naming the field for %s', async (_name, body, path) => {
    const res = await ask(testApp().app, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'bad eligibility request',
      errors: [{ path, message: expect.any(String) }],
    });
  });

  it('answers 400 naming an unexpected key', async () => {
    const res = await ask(testApp().app, { ...who('a'), email: 'ana@example.org' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('email');
  });

  it.each([
    ['a body that is not JSON', '{siteKey:', 400, 'not valid JSON'],
    ['an empty body', '', 400, 'empty body'],
    ['a body over 4 KB', JSON.stringify({ ...who('a'), learnerRef: 'x'.repeat(5000) }), 413, 'exceeds the limit'],
  ])('answers %s with %i', async (_name, body, status, message) => {
    const res = await ask(testApp().app, body);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toContain(message);
  });

  it('answers 415 for a form-encoded body', async () => {
    const res = await testApp().app.request('/v1/eligibility', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      body: `siteKey=${SITE_KEY}&learnerRef=a&surveyId=outcomes`,
    });
    expect(res.status).toBe(415);
  });

  it.each([
    ['an unknown site key', { ...who('a'), siteKey: 'nope' }, ORIGIN, 401],
    ['a foreign origin', who('a'), 'https://evil.example', 403],
    ["another site's origin", who('a'), 'https://other.example', 403],
  ])('answers %s with %i', async (_name, body, origin, status) => {
    const res = await ask(testApp().app, body, origin);
    expect(res.status).toBe(status);
  });

  it('answers 429 with Retry-After once an address spends its budget', async () => {
    const { app } = testApp({ RATE_LIMIT_PER_ADDRESS: '2' }, () => 1_000_000);
    expect((await ask(app, who('a'))).status).toBe(200);
    expect((await ask(app, who('a'))).status).toBe(200);
    const res = await ask(app, who('a'));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).not.toBeNull();
  });

  it('no longer answers the GET form that put the learnerRef in the URL', async () => {
    const { app, log } = testApp();
    const res = await app.request(`/v1/eligibility?siteKey=${SITE_KEY}&learnerRef=ana&surveyId=outcomes`, {
      headers: { origin: ORIGIN },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect((await res.json()).error).toContain('POST a JSON body');
    expect(JSON.stringify(log.lines)).not.toContain('ana');
  });

  it('answers the preflight of a JSON POST from an allowed origin', async () => {
    const res = await testApp().app.request('/v1/eligibility', {
      method: 'OPTIONS',
      headers: {
        origin: ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toContain('Content-Type');
  });
});

describe('POST /v1/eligibility/opt-out', () => {
  it('refuses an opt-out from a foreign origin', async () => {
    const { app, storage } = testApp();
    const res = await optOut(app, who('ana'), 'https://evil.example');
    expect(res.status).toBe(403);
    expect(storage.optOuts.size).toBe(0);
  });

  it('answers 400 naming a missing field', async () => {
    const res = await optOut(testApp().app, { siteKey: SITE_KEY, learnerRef: 'ana' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([{ path: 'surveyId', message: expect.any(String) }]);
  });
});
