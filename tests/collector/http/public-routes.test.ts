import { describe, expect, it } from 'vitest';
import { ORIGIN, SITE_KEY, testApp } from './test-app.ts';

describe('GET /healthz', () => {
  it('reports storage up', async () => {
    const res = await testApp().app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, storage: 'up' });
  });

  it('answers 503 when storage is unreachable', async () => {
    const { app, storage } = testApp();
    storage.up = false;
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, storage: 'down' });
  });
});

describe('GET /v1/surveys', () => {
  it('lists id, version and title', async () => {
    const res = await testApp().app.request('/v1/surveys');
    expect(await res.json()).toEqual([{ id: 'outcomes', version: 1, title: 'Outcomes' }]);
  });

  it('resolves one survey for a country and language', async () => {
    const res = await testApp().app.request('/v1/surveys/outcomes?country=FR&locale=fr', {
      headers: { origin: ORIGIN },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(await res.json()).toMatchObject({ id: 'outcomes', version: 1, country: 'FR', questions: expect.any(Array) });
  });

  it('answers 404 naming an unknown survey', async () => {
    const res = await testApp().app.request('/v1/surveys/nope');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'no survey with id "nope"' });
  });

  it.each([
    ['country=france', 'country'],
    ['locale=not_a_locale!', 'locale'],
  ])('answers 400 for %s', async (query, path) => {
    const res = await testApp().app.request(`/v1/surveys/outcomes?${query}`);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([{ path, message: expect.stringContaining('expected') }]);
  });
});

describe('eligibility', () => {
  const query = (learnerRef: string) =>
    `/v1/eligibility?siteKey=${SITE_KEY}&learnerRef=${learnerRef}&surveyId=outcomes`;
  const optOut = (body: unknown, origin = ORIGIN) =>
    ({ method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify(body) }) as const;

  it('holds a learner eligible until they opt out, on any device', async () => {
    const { app } = testApp();
    expect(await (await app.request(query('ana'), { headers: { origin: ORIGIN } })).json()).toEqual({
      eligible: true,
      answeredWaves: [],
    });
    const res = await app.request(
      '/v1/eligibility/opt-out',
      optOut({ siteKey: SITE_KEY, learnerRef: 'ana', surveyId: 'outcomes' }),
    );
    expect(await res.json()).toEqual({ optedOut: true });
    expect(await (await app.request(query('ana'))).json()).toEqual({
      eligible: false,
      reason: 'opted_out',
      answeredWaves: [],
    });
    expect(await (await app.request(query('ben'))).json()).toEqual({ eligible: true, answeredWaves: [] });
  });

  it('refuses an opt-out from a foreign origin', async () => {
    const { app, storage } = testApp();
    const res = await app.request(
      '/v1/eligibility/opt-out',
      optOut({ siteKey: SITE_KEY, learnerRef: 'ana', surveyId: 'outcomes' }, 'https://evil.example'),
    );
    expect(res.status).toBe(403);
    expect(storage.optOuts.size).toBe(0);
  });

  it.each([
    ['a missing learnerRef', `/v1/eligibility?siteKey=${SITE_KEY}&surveyId=outcomes`, 'learnerRef'],
    ['an unknown survey', `/v1/eligibility?siteKey=${SITE_KEY}&learnerRef=a&surveyId=nope`, 'surveyId'],
  ])('answers 400 for %s', async (_name, url, path) => {
    const res = await testApp().app.request(url);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([{ path, message: expect.any(String) }]);
  });

  it('answers 401 for an unknown site key', async () => {
    const res = await testApp().app.request('/v1/eligibility?siteKey=nope&learnerRef=a&surveyId=outcomes');
    expect(res.status).toBe(401);
  });
});

it('answers 404 as JSON for an unknown path', async () => {
  const res = await testApp().app.request('/nowhere');
  expect(res.status).toBe(404);
  expect(await res.json()).toEqual({ error: 'no route for GET /nowhere' });
});
