import { describe, expect, it } from 'vitest';
import { batch, post, response, SIGNED_SITE_KEYS, TOKEN, testApp } from './test-app.ts';

const ERASE = 'erase-token-for-the-dpo-0123456789';

const READS = [
  '/v1/export?format=csv',
  '/v1/codebook?survey=outcomes',
  '/v1/report?survey=outcomes',
  '/v1/report/delivery?survey=outcomes',
];
const ERASE_PATH = '/v1/learners/learner-7';
const productionEnv = { NODE_ENV: 'production', LEARNER_REF_SECRET: 'x'.repeat(32), SITE_KEYS: SIGNED_SITE_KEYS };

type Given = 'no token' | 'a wrong token' | 'EXPORT_TOKEN' | 'ERASE_TOKEN';
const headerFor: Record<Given, Record<string, string>> = {
  'no token': {},
  'a wrong token': { authorization: 'Bearer not-the-token-at-all' },
  EXPORT_TOKEN: { authorization: `Bearer ${TOKEN}` },
  ERASE_TOKEN: { authorization: `Bearer ${ERASE}` },
};

/** {token given} × {route} → status, for one configuration. */
const table = (read: Record<Given, number>, erase: Record<Given, number>) =>
  (Object.keys(headerFor) as Given[]).flatMap((given) => [
    ...READS.map((path) => ({ given, method: 'GET', path, status: read[given] })),
    { given, method: 'DELETE', path: ERASE_PATH, status: erase[given] },
  ]);

const request = (app: ReturnType<typeof testApp>['app'], method: string, path: string, given: Given) =>
  app.request(path, { method, headers: headerFor[given] });

describe('with ERASE_TOKEN set', () => {
  const env = { ERASE_TOKEN: ERASE };

  it.each(
    table(
      { 'no token': 401, 'a wrong token': 401, EXPORT_TOKEN: 200, ERASE_TOKEN: 403 },
      { 'no token': 401, 'a wrong token': 401, EXPORT_TOKEN: 403, ERASE_TOKEN: 200 },
    ),
  )('answers $method $path with $given by $status', async ({ given, method, path, status }) => {
    expect((await request(testApp(env).app, method, path, given)).status).toBe(status);
  });

  it('refuses erasure with the export token, saying it needs the erase token, and erases nothing', async () => {
    const { app, storage } = testApp(env);
    await post(app, batch(response({ learnerRef: 'learner-7' })));
    const res = await request(app, 'DELETE', ERASE_PATH, 'EXPORT_TOKEN');
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope"');
    expect((await res.json()).error).toBe(
      'erasure needs the erase token (ERASE_TOKEN); the export token (EXPORT_TOKEN) cannot erase',
    );
    expect(storage.rows.size).toBe(1);
  });

  it.each([
    [READS[0], 'the export and the codebook need'],
    [READS[1], 'the export and the codebook need'],
    [READS[2], 'the reports need'],
    [READS[3], 'the reports need'],
  ])('refuses GET %s with the erase token, naming the export token', async (path, needs) => {
    const res = await request(testApp(env).app, 'GET', path, 'ERASE_TOKEN');
    expect(res.status).toBe(403);
    expect((await res.json()).error).toBe(
      `${needs} the export token (EXPORT_TOKEN); the erase token (ERASE_TOKEN) cannot read them`,
    );
  });

  it('erases a learner with the erase token', async () => {
    const { app, storage } = testApp(env);
    await post(app, batch(response({ learnerRef: 'learner-7' }), response({ learnerRef: 'learner-8' })));
    const res = await request(app, 'DELETE', ERASE_PATH, 'ERASE_TOKEN');
    expect(await res.json()).toEqual({ erased: 1 });
    expect(storage.rows.size).toBe(1);
  });

  it.each([
    ['DELETE', ERASE_PATH, 'ERASE_TOKEN'],
    ['GET', READS[0], 'EXPORT_TOKEN'],
  ])('asks for the token %s %s needs, with WWW-Authenticate, when none is sent', async (method, path, setting) => {
    const res = await request(testApp(env).app, method, path, 'no token');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect((await res.json()).error).toBe(`missing bearer token: send Authorization: Bearer ${setting}`);
  });

  it.each([true, false])('logs no warning at start-up (production: %s)', (production) => {
    const { log } = testApp({ ...env, ...(production ? productionEnv : {}) });
    expect(log.lines.filter((l) => l.level === 'warn')).toEqual([]);
  });
});

describe('without ERASE_TOKEN, as deployments from before it', () => {
  it.each(
    table(
      { 'no token': 401, 'a wrong token': 401, EXPORT_TOKEN: 200, ERASE_TOKEN: 401 },
      { 'no token': 401, 'a wrong token': 401, EXPORT_TOKEN: 200, ERASE_TOKEN: 401 },
    ),
  )('answers $method $path with $given by $status', async ({ given, method, path, status }) => {
    expect((await request(testApp().app, method, path, given)).status).toBe(status);
  });

  it('warns once at start-up in production that the export token also erases', () => {
    const { log } = testApp(productionEnv);
    expect(log.lines.filter((l) => l.level === 'warn')).toEqual([
      expect.objectContaining({
        event: 'erase_token_unset',
        message: expect.stringContaining('ERASE_TOKEN is not set'),
      }),
    ]);
  });

  it('does not warn in development, where one made-up token is the norm', () => {
    expect(testApp().log.lines.filter((l) => l.level === 'warn')).toEqual([]);
  });
});
