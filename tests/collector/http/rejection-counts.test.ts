import { describe, expect, it } from 'vitest';
import { batch, post, response, SITE_KEY, testApp } from './test-app.ts';

const NOW = Date.UTC(2026, 2, 14, 23, 59, 30);
const TODAY = '2026-03-14';

describe('rejection counts from POST /v1/responses', () => {
  it('adds a batch’s 2 bad items to today’s counts by reason and keeps none of their content', async () => {
    const { app, storage } = testApp({}, () => NOW);
    const bad = [response({ surveyId: 'nope' }), response({ answers: { situation: 'astronaut' } })];
    const res = await post(app, batch(response(), bad[0], response(), bad[1]));
    expect((await res.json()).rejected).toHaveLength(2);
    await expect
      .poll(() => storage.rejectionsByDay())
      .toEqual([
        { day: TODAY, siteKey: SITE_KEY, reason: 'answer_invalid', count: 1 },
        { day: TODAY, siteKey: SITE_KEY, reason: 'unknown_survey', count: 1 },
      ]);
    expect(JSON.stringify([...storage.rejections])).not.toMatch(/nope|astronaut|0190a0b0/);

    await post(app, batch(response({ answers: { situation: 'astronaut' } })));
    await expect
      .poll(async () => (await storage.rejectionsByDay()).find((r) => r.reason === 'answer_invalid')?.count)
      .toBe(2);
  });

  it.each([
    ['invalid_shape', () => ({ nonsense: true })],
    ['unknown_survey', () => response({ surveyVersion: 9 })],
    ['answer_invalid', () => response({ answers: { shoe_size: 'x' } })],
    ['consent_missing', () => response({ answers: { disability: 'yes' } })],
  ])('counts an item as %s', async (reason, item) => {
    const { app, storage } = testApp({}, () => NOW);
    await post(app, batch(item()));
    await expect.poll(() => storage.rejectionsByDay()).toEqual([{ day: TODAY, siteKey: SITE_KEY, reason, count: 1 }]);
  });

  it('counts a __proto__ key as unsafe_key and a reused id with other content as conflict', async () => {
    const { app, storage } = testApp({}, () => NOW);
    const r = response();
    await post(app, batch(r));
    await post(app, batch({ ...r, answers: { situation: 'looking' } }));
    await post(app, JSON.stringify(batch(response())).replace('"answers":{', '"answers":{"__proto__":{"x":1},'));
    await expect
      .poll(async () => (await storage.rejectionsByDay()).map((c) => [c.reason, c.count]))
      .toEqual([
        ['conflict', 1],
        ['unsafe_key', 1],
      ]);
  });

  it('acknowledges in full and logs when counting fails', async () => {
    const { app, storage, log } = testApp({}, () => NOW);
    storage.countRejections = async () => {
      throw new Error('disk full');
    };
    const good = response();
    const res = await post(app, batch(good, { nonsense: true }));
    expect(res.status).toBe(200);
    expect((await res.json()).accepted).toEqual([good.id]);
    await expect
      .poll(() => log.lines)
      .toContainEqual(
        expect.objectContaining({
          level: 'warn',
          event: 'rejection_count_failed',
          error: expect.stringContaining('disk full'),
        }),
      );
  });

  it('counts nothing when the batch is stored in full, or when storage fails and nothing is acknowledged', async () => {
    const { app, storage } = testApp({}, () => NOW);
    await post(app, batch(response()));
    storage.insert = async () => {
      throw new Error('down');
    };
    expect((await post(app, batch(response(), { nonsense: true }))).status).toBe(503);
    await new Promise((resolve) => setImmediate(resolve));
    expect(await storage.rejectionsByDay()).toEqual([]);
  });
});
