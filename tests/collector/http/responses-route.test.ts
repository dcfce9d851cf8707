import { describe, expect, it } from 'vitest';
import { learnerHash } from '../../../collector/ingest/learner-hash.ts';
import { Ack } from '../../../protocol/index.ts';
import { batch, ORIGIN, post, response, SITE_KEY, testApp } from './test-app.ts';

const ack = async (res: Response) => {
  expect(res.status).toBe(200);
  return Ack.parse(await res.json());
};

describe('POST /v1/responses', () => {
  it('stores a valid response and acknowledges its id', async () => {
    const { app, storage } = testApp();
    const r = response({ answers: { situation: 'employed', comment: 'thanks' } });
    expect(await ack(await post(app, batch(r)))).toEqual({ accepted: [r.id], duplicate: [], rejected: [] });
    const stored = storage.rows.get(r.id);
    expect(stored).toMatchObject({
      id: r.id,
      siteKey: SITE_KEY,
      answers: { situation: 'employed', comment: 'thanks' },
      sensitiveAnswers: {},
    });
    expect(stored?.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(stored?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('acknowledges a resent id as a duplicate and stores it once', async () => {
    const { app, storage } = testApp();
    const r = response();
    await post(app, batch(r));
    expect(await ack(await post(app, batch(r)))).toEqual({ accepted: [], duplicate: [r.id], rejected: [] });
    expect(storage.rows.size).toBe(1);
  });

  it('treats the same content with keys in another order as a duplicate', async () => {
    const { app } = testApp();
    const r = response();
    await post(app, batch(r));
    const reordered = Object.fromEntries(Object.entries(r).reverse());
    expect((await ack(await post(app, batch(reordered)))).duplicate).toEqual([r.id]);
  });

  it('rejects one bad item of three alone and stores the other two', async () => {
    const { app, storage } = testApp();
    const good1 = response();
    const bad = response({ answers: { situation: 'astronaut' } });
    const good2 = response();
    const result = await ack(await post(app, batch(good1, bad, good2)));
    expect(result.accepted).toEqual([good1.id, good2.id]);
    expect(result.rejected).toEqual([
      {
        id: bad.id,
        errors: [{ path: 'responses[1].answers.situation', message: expect.stringContaining('expected one of') }],
      },
    ]);
    expect([...storage.rows.keys()]).toEqual([good1.id, good2.id]);
  });

  it('rejects a reused id with different content, logs it, and keeps the stored one', async () => {
    const { app, storage, log } = testApp();
    const r = response();
    await post(app, batch(r));
    const changed = { ...r, answers: { situation: 'looking' } };
    const result = await ack(await post(app, batch(changed)));
    expect(result.rejected).toEqual([
      { id: r.id, errors: [{ path: 'responses[0].id', message: 'id already stored with different content' }] },
    ]);
    expect(storage.rows.get(r.id)?.answers).toEqual({ situation: 'employed' });
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'warn', event: 'conflict', id: r.id }));
  });

  it.each([
    ['an unknown survey', { surveyId: 'nope' }, 'responses[0].surveyId', 'unknown survey "nope"'],
    [
      'an unknown version',
      { surveyVersion: 7 },
      'responses[0].surveyVersion',
      'survey "outcomes" has no version 7 (known: 1)',
    ],
    [
      'a question the survey lacks',
      { answers: { shoe_size: 'x' } },
      'responses[0].answers.shoe_size',
      'survey "outcomes" version 1 has no question "shoe_size"',
    ],
    [
      'a sensitive answer without consent',
      { answers: { disability: 'yes' } },
      'responses[0].answers.disability',
      'sensitive answer without consent.sensitive = true',
    ],
    ['an unexpected key', { extra: 1 } as object, 'responses[0]', expect.stringContaining('"extra"')],
  ])('rejects %s per item, naming the path', async (_name, overrides, path, message) => {
    const { app } = testApp();
    const r = response(overrides as object);
    const result = await ack(await post(app, batch(r)));
    expect(result.rejected).toEqual([{ id: r.id, errors: expect.arrayContaining([{ path, message }]) }]);
  });

  it('keeps sensitive answers apart and stores only a keyed hash of the learner ref', async () => {
    const { app, storage, config } = testApp();
    const r = response({
      answers: { situation: 'looking', disability: 'yes' },
      consent: { sensitive: true, version: '1' },
      learnerRef: 'learner-42',
    });
    await post(app, batch(r));
    const stored = storage.rows.get(r.id);
    expect(stored?.answers).toEqual({ situation: 'looking' });
    expect(stored?.sensitiveAnswers).toEqual({ disability: 'yes' });
    expect(stored?.learnerHash).toBe(learnerHash('learner-42', config.learnerRefSecret));
    expect(JSON.stringify(stored)).not.toContain('learner-42');
  });

  it('rejects an item holding a __proto__ key without polluting any prototype', async () => {
    const { app, storage } = testApp();
    const r = response();
    const body = JSON.stringify(batch(r)).replace('"answers":{', '"answers":{"__proto__":{"polluted":true},');
    const result = await ack(await post(app, body));
    expect(result.rejected).toEqual([
      { id: r.id, errors: [{ path: 'responses[0].answers.__proto__', message: 'key "__proto__" is not allowed' }] },
    ]);
    expect(storage.rows.size).toBe(0);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('accepts a gzip body', async () => {
    const { app, storage } = testApp();
    const r = response();
    expect((await ack(await post(app, batch(r), { gzip: true }))).accepted).toEqual([r.id]);
    expect(storage.rows.has(r.id)).toBe(true);
  });

  it('accepts a request without Origin (a server-to-server client) when the site key is valid', async () => {
    const { app } = testApp();
    expect((await ack(await post(app, batch(response()), { origin: null }))).accepted).toHaveLength(1);
  });

  it('writes one log line per request with counts and no answers or refs', async () => {
    const { app, log } = testApp();
    await post(
      app,
      batch(response({ learnerRef: 'secret-ref', answers: { comment: 'my private words' } }), { nonsense: true }),
    );
    expect(log.lines).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v1/responses',
        status: 200,
        accepted: 1,
        duplicate: 0,
        rejected: 1,
        ms: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(log.lines)).not.toMatch(/secret-ref|private words/);
  });

  it('answers 503 and acknowledges nothing when storage fails', async () => {
    const { app, storage } = testApp();
    storage.insert = async () => {
      throw new Error('disk full');
    };
    const res = await post(app, batch(response()));
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: expect.stringContaining('nothing was stored') });
  });

  it('adds CORS headers for an allowed origin', async () => {
    const { app } = testApp();
    const res = await post(app, batch(response()));
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
  });
});
