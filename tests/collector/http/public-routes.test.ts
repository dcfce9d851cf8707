import { describe, expect, it } from 'vitest';
import { ORIGIN, testApp } from './test-app.ts';

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

// The eligibility routes are tested in eligibility-routes.test.ts.
it('answers 404 as JSON for an unknown path', async () => {
  const res = await testApp().app.request('/nowhere');
  expect(res.status).toBe(404);
  expect(await res.json()).toEqual({ error: 'no route for GET /nowhere' });
});
