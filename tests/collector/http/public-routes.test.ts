import { describe, expect, it } from 'vitest';
import { batch, ORIGIN, post, response, TOKEN, testApp } from './test-app.ts';

describe('GET /healthz', () => {
  it('reports storage up', async () => {
    const res = await testApp().app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, storage: 'up', writes: 'ok' });
  });

  it('answers 503 with writes failing after a failed write, until a write succeeds or 30 s pass', async () => {
    // The test responses are dated 2026-01-31 12:00 UTC; a clock just after keeps them inside the submittedAt window.
    let now = Date.UTC(2026, 0, 31, 12, 1);
    const { app, storage } = testApp({}, () => now);
    const insert = storage.insert.bind(storage);
    storage.insert = async () => {
      throw new Error('SQLITE_FULL');
    };
    const send = () => post(app, batch(response()));
    expect((await send()).status).toBe(503);
    const health = await app.request('/healthz');
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({
      ok: false,
      storage: 'up',
      writes: 'failing',
      lastWriteFailure: { operation: 'insert', at: '2026-01-31T12:01:00.000Z' },
    });
    now += 30_000;
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await send()).status).toBe(503);
    storage.insert = insert;
    expect((await send()).status).toBe(200);
    expect(await (await app.request('/healthz')).json()).toEqual({ ok: true, storage: 'up', writes: 'ok' });
  });

  it('answers 503 when storage is unreachable', async () => {
    const { app, storage } = testApp();
    storage.up = false;
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, storage: 'down', writes: 'ok' });
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
it.each(['/nowhere', '/v1/learner/learner-secret-42', '/v1/learners/learner-secret-42/extra'])(
  'answers 404 as JSON for the unknown path %s without echoing or logging it',
  async (path) => {
    const { app, log } = testApp();
    // With the researcher token, so a path under /v1/learners/ (closed to anyone without erase rights) reaches routing.
    const res = await app.request(path, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body).toEqual({ error: expect.stringContaining('no route for GET') });
    expect(body.error).toContain('README.md');
    const segment = path.split('/').at(path.endsWith('extra') ? -2 : -1) as string;
    expect(JSON.stringify(body)).not.toContain(segment);
    expect(log.lines).toContainEqual(expect.objectContaining({ method: 'GET', status: 404 }));
    expect(JSON.stringify(log.lines)).not.toContain(segment);
  },
);

it.each([
  ['GET', '/v1/surveys'],
  ['POST', '/v1/eligibility'],
  ['OPTIONS', '/v1/eligibility'],
  ['POST', '/v1/responses'],
])('names Origin once in Vary on %s %s', async (method, path) => {
  const headers: Record<string, string> = { origin: ORIGIN, 'content-type': 'application/json' };
  if (method === 'OPTIONS') headers['access-control-request-method'] = 'POST';
  const res = await testApp().app.request(path, { method, headers, body: method === 'POST' ? '{}' : undefined });
  expect(res.headers.get('vary')).toBe('Origin');
});
