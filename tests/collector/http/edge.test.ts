import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { batch, ORIGIN, post, response, SITE_KEY, TOKEN, testApp } from './test-app.ts';

const errorOf = async (res: Response, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/json');
  return (await res.json()) as { error: string; errors?: { path: string; message: string }[] };
};

describe('POST /v1/responses at the edge', () => {
  it.each([
    ['a missing site key', { responses: [] }, {}, 401, 'missing siteKey'],
    ['an unknown site key', { siteKey: 'stolen', responses: [] }, {}, 401, 'unknown siteKey "stolen"'],
    [
      'a foreign origin',
      batch(),
      { origin: 'https://evil.example' },
      403,
      'origin "https://evil.example" is not allowed for siteKey "test-site"',
    ],
    ['another site key’s origin', batch(), { origin: 'https://other.example' }, 403, 'is not allowed for siteKey'],
  ])('refuses %s', async (_name, body, opts, status, message) => {
    const { app, storage } = testApp();
    expect((await errorOf(await post(app, body, opts), status)).error).toContain(message);
    expect(storage.rows.size).toBe(0);
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }, 'expected Content-Type: application/json, got "text/plain"'],
    ['a latin-1 charset', { 'content-type': 'application/json; charset=iso-8859-1' }, 'expected charset utf-8'],
    ['brotli', { 'content-encoding': 'br' }, 'unsupported Content-Encoding "br"'],
  ])('answers 415 for %s', async (_name, headers, message) => {
    const { app } = testApp();
    expect((await errorOf(await post(app, batch(response()), { headers }), 415)).error).toContain(message);
  });

  it('answers 413 for a body over the limit', async () => {
    const { app } = testApp({ MAX_BODY_BYTES: '2048' });
    const huge = batch(response({ answers: { comment: 'x'.repeat(4000) } }));
    expect((await errorOf(await post(app, huge), 413)).error).toContain('limit of 2048 bytes');
  });

  it('answers 413 for a gzip bomb whose compressed size is small', async () => {
    const { app, storage } = testApp({ MAX_BODY_BYTES: '65536' });
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20)); // 50 MB of spaces, about 50 KB compressed
    expect(bomb.length).toBeLessThan(65536);
    const res = await app.request('/v1/responses', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip', origin: ORIGIN },
      body: bomb,
    });
    expect((await errorOf(res, 413)).error).toContain('decompressed body exceeds the limit of 65536 bytes');
    expect(storage.rows.size).toBe(0);
  });

  it('answers 400 for a body that claims gzip but is not', async () => {
    const { app } = testApp();
    expect(
      (await errorOf(await post(app, JSON.stringify(batch()), { headers: { 'content-encoding': 'gzip' } }), 400)).error,
    ).toContain('body is not valid gzip');
  });

  it('answers 413 for a batch longer than MAX_BATCH', async () => {
    const { app } = testApp({ MAX_BATCH: '2' });
    const res = await post(app, batch(response(), response(), response()));
    expect((await errorOf(res, 413)).errors).toEqual([{ path: 'responses', message: 'expected at most 2 items' }]);
  });

  it.each([
    ['invalid JSON', '{"siteKey":', 'body is not valid JSON'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'body is not valid UTF-8'],
    ['an empty body', '', 'empty body'],
    ['a JSON array', '[]', 'malformed batch envelope'],
  ])('answers 400 for %s', async (_name, body, message) => {
    const { app } = testApp();
    expect((await errorOf(await post(app, body), 400)).error).toContain(message);
  });

  it('answers 400 naming the path for a malformed envelope', async () => {
    const { app } = testApp();
    const res = await post(app, { siteKey: SITE_KEY, responses: 'lots' });
    expect((await errorOf(res, 400)).errors).toEqual([
      { path: 'responses', message: expect.stringContaining('array') },
    ]);
  });

  it('answers 429 with Retry-After once an address spends its budget', async () => {
    const now = 1_000_000;
    const { app } = testApp({ RATE_LIMIT_PER_ADDRESS: '2' }, () => now);
    expect((await post(app, batch())).status).toBe(200);
    expect((await post(app, batch())).status).toBe(200);
    const res = await post(app, batch());
    expect((await errorOf(res, 429)).error).toContain('from this address');
    expect(Number(res.headers.get('retry-after'))).toBe(30);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });

  it('answers 429 once a site key spends its budget, whatever the address', async () => {
    const { app } = testApp({ RATE_LIMIT_PER_SITE_KEY: '1', TRUST_PROXY: 'true' }, () => 0);
    const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
    expect((await post(app, batch(), from('10.0.0.1'))).status).toBe(200);
    const res = await post(app, batch(), from('10.0.0.2'));
    expect((await errorOf(res, 429)).error).toContain('for this site key');
    expect(res.headers.get('retry-after')).toBe('60');
  });
});

describe('CORS preflight', () => {
  const preflight = (app: ReturnType<typeof testApp>['app'], origin: string) =>
    app.request('/v1/responses', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, content-encoding',
      },
    });

  it('allows an origin some site key lists', async () => {
    const res = await preflight(testApp().app, ORIGIN);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-headers')).toContain('Content-Encoding');
  });

  // Issue 14: refused at the preflight, a page of an unlisted origin saw only "Failed to fetch".
  it('answers an origin no site key lists, so its request is sent and refused readably', async () => {
    const { app } = testApp();
    expect((await preflight(app, 'https://evil.example')).status).toBe(204);
    const res = await post(app, batch(), { origin: 'https://evil.example' });
    expect((await errorOf(res, 403)).error).toContain('"https://evil.example" is not allowed');
    expect(res.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(res.headers.get('access-control-expose-headers')).toBeNull();
  });

  it('lets an origin no site key lists read nothing but a refusal', async () => {
    const res = await testApp().app.request('/v1/surveys/outcomes', { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('researcher paths', () => {
  const paths: [string, string][] = [
    ['GET', '/v1/export?format=csv'],
    ['GET', '/v1/codebook?survey=outcomes'],
    ['GET', '/v1/report?survey=outcomes'],
    ['GET', '/v1/report/delivery?survey=outcomes'],
    ['DELETE', '/v1/learners/learner-1'],
    ['GET', '/v1//export'],
    ['GET', '/v1/%65xport'],
  ];
  it.each(paths)('%s %s needs the bearer token', async (method, path) => {
    const { app } = testApp();
    const missing = await app.request(path, { method });
    expect((await errorOf(missing, 401)).error).toContain('missing bearer token');
    const wrong = await app.request(path, { method, headers: { authorization: 'Bearer not-the-token' } });
    expect((await errorOf(wrong, 401)).error).toBe('wrong bearer token');
    expect(wrong.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('serves the dashboard page without the token: it holds no data until given one', async () => {
    const res = await testApp().app.request('/v1/dashboard');
    expect(res.status).not.toBe(401);
  });

  it('serves a researcher path with the right token', async () => {
    const res = await testApp().app.request('/v1/codebook?survey=outcomes', {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
  });

  it('erases a learner with the token and logs it without the ref', async () => {
    const { app, storage, log } = testApp();
    await post(app, batch(response({ learnerRef: 'learner-7' }), response({ learnerRef: 'learner-8' })));
    const res = await app.request('/v1/learners/learner-7', {
      method: 'DELETE',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(await res.json()).toEqual({ erased: 1 });
    expect(storage.rows.size).toBe(1);
    expect(log.lines).toContainEqual(expect.objectContaining({ event: 'erasure', erased: 1 }));
    expect(log.lines).toContainEqual(
      expect.objectContaining({ method: 'DELETE', path: '/v1/learners/:ref', status: 200 }),
    );
    expect(JSON.stringify(log.lines)).not.toContain('learner-7');
  });
});
