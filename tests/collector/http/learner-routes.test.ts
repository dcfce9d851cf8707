import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learnerHash } from '../../../collector/ingest/learner-hash.ts';
import { LEARNER_REF_PATTERN, LEARNER_REF_RULE } from '../../../protocol/index.ts';
import { batch, ORIGIN, post, response, SITE_KEY, TOKEN, testApp } from './test-app.ts';

type App = ReturnType<typeof testApp>['app'];
const ERASE = 'erase-token-for-the-dpo-0123456789';

const eraseByBody = (app: App, body: unknown, token = TOKEN) =>
  app.request('/v1/learners/erase', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
const eraseByPath = (app: App, ref: string) =>
  app.request(`/v1/learners/${encodeURIComponent(ref)}`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${TOKEN}` },
  });
const askEligibility = (app: App, learnerRef: string) =>
  app.request('/v1/eligibility', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ siteKey: SITE_KEY, learnerRef, surveyId: 'outcomes' }),
  });

describe('POST /v1/learners/erase', () => {
  it.each(['learner-7', 'ana@school.example', '...', '.hidden', "o'brien+1"])(
    "erases %j's responses and leaves another learner's",
    async (ref) => {
      const { app, storage } = testApp();
      await post(
        app,
        batch(response({ learnerRef: ref }), response({ learnerRef: ref }), response({ learnerRef: 'B' })),
      );
      const res = await eraseByBody(app, { learnerRef: ref });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ erased: 2 });
      expect(storage.rows.size).toBe(1);
    },
  );

  it('logs the erasure and its path without the ref', async () => {
    const { app, log } = testApp();
    await post(app, batch(response({ learnerRef: 'secret-ref' })));
    await eraseByBody(app, { learnerRef: 'secret-ref' });
    expect(log.lines).toContainEqual(expect.objectContaining({ event: 'erasure', erased: 1 }));
    expect(log.lines).toContainEqual(
      expect.objectContaining({ method: 'POST', path: '/v1/learners/erase', status: 200 }),
    );
    expect(JSON.stringify(log.lines)).not.toContain('secret-ref');
  });

  it.each([
    ['no token', {}, 401],
    ['the export token where ERASE_TOKEN is set', { authorization: `Bearer ${TOKEN}` }, 403],
  ])('refuses %s and erases nothing', async (_name, auth, status) => {
    const { app, storage } = testApp({ ERASE_TOKEN: ERASE });
    await post(app, batch(response({ learnerRef: 'learner-7' })));
    const res = await app.request('/v1/learners/erase', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ learnerRef: 'learner-7' }),
    });
    expect(res.status).toBe(status);
    expect(storage.rows.size).toBe(1);
    expect((await eraseByBody(app, { learnerRef: 'learner-7' }, ERASE)).status).toBe(200);
    expect(storage.rows.size).toBe(0);
  });

  it.each([
    ['no learnerRef', {}, [{ path: 'learnerRef', message: expect.stringContaining('expected string') }]],
    [
      'an unexpected key',
      { learnerRef: 'a', email: 'x@y' },
      [{ path: '(root)', message: expect.stringContaining('"email"') }],
    ],
  ])('answers 400 naming the field for %s', async (_name, body, errors) => {
    const res = await eraseByBody(testApp().app, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'POST /v1/learners/erase: expected a JSON body { "learnerRef": "..." }',
      errors,
    });
  });
});

describe('the learnerRef rule', () => {
  it.each([
    ['"."', '.'],
    ['".."', '..'],
    ['empty', ''],
    ['with a space', 'ana maria'],
    ['with a slash', 'a/b'],
    ['with a percent sign', '100%'],
    ['with a line feed', 'a\nb'],
    ['longer than 256 characters', 'x'.repeat(257)],
  ])('refuses a ref %s at ingest and eligibility alike, saying what is allowed', async (_name, ref) => {
    const { app, storage } = testApp();
    const r = response({ learnerRef: ref });
    const ack = await (await post(app, batch(r))).json();
    expect(ack.rejected).toEqual([
      { id: r.id, errors: [{ path: 'responses[0].learnerRef', message: LEARNER_REF_RULE }] },
    ]);
    expect(storage.rows.size).toBe(0);

    const eligibility = await askEligibility(app, ref);
    expect(eligibility.status).toBe(400);
    expect((await eligibility.json()).errors).toEqual([{ path: 'learnerRef', message: LEARNER_REF_RULE }]);
  });

  it.each([
    ['empty', ''],
    ['longer than 256 characters', 'x'.repeat(257)],
  ])('refuses an erasure by body of a ref %s, naming the field', async (_name, ref) => {
    const erasure = await eraseByBody(testApp().app, { learnerRef: ref });
    expect(erasure.status).toBe(400);
    expect((await erasure.json()).errors).toEqual([{ path: 'learnerRef', message: expect.any(String) }]);
  });

  it('erases by body a ref stored before the rule (one with a space), which no path can carry', async () => {
    const { app, storage, config } = testApp();
    await post(app, batch(response({ learnerRef: 'legacy-ref' }), response({ learnerRef: 'B' })));
    // What an older collector stored for "ana maria": the same keyed hash, made before the rule refused the ref.
    const row = [...storage.rows.values()].find(
      (r) => r.learnerHash === learnerHash('legacy-ref', config.learnerRefSecret),
    );
    if (!row) throw new Error('the response for legacy-ref was not stored');
    row.learnerHash = learnerHash('ana maria', config.learnerRefSecret);
    const res = await eraseByBody(app, { learnerRef: 'ana maria' });
    expect(await res.json()).toEqual({ erased: 1 });
    expect(storage.rows.size).toBe(1);
  });

  it('refuses a DELETE whose ref breaks the rule, naming the rule and the body form', async () => {
    const res = await eraseByPath(testApp().app, 'ana maria');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toContain('POST /v1/learners/erase');
    expect(body.errors).toEqual([{ path: 'ref', message: LEARNER_REF_RULE }]);
  });

  it('erases, by body and by path, every ref that ingest stored', async () => {
    const refs = fc
      .string({ minLength: 1, maxLength: 40, unit: 'binary-ascii' })
      .filter((s) => LEARNER_REF_PATTERN.test(s));
    await fc.assert(
      fc.asyncProperty(refs, fc.boolean(), async (ref, byPath) => {
        const { app, storage } = testApp();
        const ack = await (await post(app, batch(response({ learnerRef: ref })))).json();
        expect(ack.accepted).toHaveLength(1);
        const res = byPath ? await eraseByPath(app, ref) : await eraseByBody(app, { learnerRef: ref });
        expect(await res.json()).toEqual({ erased: 1 });
        expect(storage.rows.size).toBe(0);
      }),
      {
        numRuns: 150,
        examples: [
          ['...', true],
          ['.a', true],
          ['~', true],
          ["'()*", true],
        ],
      },
    );
  });
});
