import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { flush } from '../../../worker/delivery/flush.ts';
import { deadLetters } from '../../../worker/storage/dead-letters.ts';
import { eraseQueued } from '../../../worker/storage/erase-queued.ts';
import { enqueue, pendingResponses } from '../../../worker/storage/queue.ts';
import { payloadOf } from '../../../worker/storage/queued-item.ts';
import { acceptAll, fakeFetch, json, makeResponse, to } from '../fake-collector-fetch.ts';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let clock = T0;
const now = () => clock;
const base = { now, locks: null, random: () => 0.5 };

beforeEach(async () => {
  clock = T0;
  await eraseQueued();
});

describe('flush', () => {
  it('posts gzipped batches of at most 50 per destination and deletes what the collector acknowledged', async () => {
    for (let i = 0; i < 120; i++) await enqueue(makeResponse({}, T0 + i), to, T0);
    await enqueue(makeResponse({}, T0 + 500), { endpoint: 'https://other.test/', siteKey: 'site-2' }, T0);
    const ids = (await pendingResponses()).map((i) => payloadOf(i).id);
    const c = fakeFetch(acceptAll);
    const report = await flush({ ...base, fetch: c.fetch });
    expect(report).toEqual({
      sent: 121,
      duplicates: 0,
      rejected: 0,
      retried: 0,
      expired: 0,
      settled: { delivered: ids, duplicate: [], setAside: [], retrying: [] },
    });
    expect(c.batches.map((b) => [b.url, b.siteKey, b.responses.length, b.encoding])).toEqual([
      ['https://collector.test/v1/responses', 'site-1', 50, 'gzip'],
      ['https://collector.test/v1/responses', 'site-1', 50, 'gzip'],
      ['https://collector.test/v1/responses', 'site-1', 20, 'gzip'],
      ['https://other.test/v1/responses', 'site-2', 1, 'gzip'],
    ]);
    expect(await pendingResponses()).toEqual([]);
  });

  it('counts duplicates as delivered', async () => {
    const r = makeResponse();
    await enqueue(r, to, T0);
    const report = await flush({
      ...base,
      fetch: fakeFetch(() => json(200, { accepted: [], duplicate: [r.id], rejected: [] })).fetch,
    });
    expect(report).toMatchObject({ sent: 0, duplicates: 1 });
    expect(await pendingResponses()).toEqual([]);
  });

  it('stores the others and moves a rejected item to the dead letters, without its answers', async () => {
    const good = makeResponse({}, T0);
    const bad = makeResponse({ answers: { situation: 'astronaut' }, learnerRef: 'L1' }, T0 + 1);
    await enqueue(good, to, T0);
    await enqueue(bad, to, T0);
    const errors = [{ path: 'answers.situation', message: 'expected one of employed, looking' }];
    const c = fakeFetch(() => json(200, { accepted: [good.id], duplicate: [], rejected: [{ id: bad.id, errors }] }));
    expect(await flush({ ...base, fetch: c.fetch })).toMatchObject({ sent: 1, rejected: 1 });
    expect(await pendingResponses()).toEqual([]);
    expect(await deadLetters()).toEqual([
      {
        id: bad.id,
        code: 'rejected',
        surveyId: 'career-outcomes',
        to,
        status: 200,
        errors,
        deadAt: T0,
        learnerRef: 'L1',
      },
    ]);
  });

  it('keeps the batch on HTTP 500 and does not try it again before its backoff', async () => {
    const r = makeResponse();
    await enqueue(r, to, T0);
    const c = fakeFetch(() => json(500, { error: 'database is locked' }));
    const report = await flush({ ...base, fetch: c.fetch });
    expect(report).toMatchObject({ sent: 0, retried: 1, nextAttemptAt: T0 + 1000 });
    expect(await pendingResponses()).toMatchObject([{ attempts: 1, nextAttemptAt: T0 + 1000, lastError: 'HTTP 500' }]);
    expect(await flush({ ...base, fetch: c.fetch })).toMatchObject({ retried: 0, nextAttemptAt: T0 + 1000 });
    expect(c.batches).toHaveLength(1);
    clock = T0 + 1000;
    await flush({ ...base, fetch: fakeFetch(acceptAll).fetch });
    expect(await pendingResponses()).toEqual([]);
  });

  it('honours Retry-After on HTTP 429', async () => {
    await enqueue(makeResponse(), to, T0);
    const report = await flush({
      ...base,
      fetch: fakeFetch(() => json(429, { error: 'slow down' }, { 'retry-after': '120' })).fetch,
    });
    expect(report).toMatchObject({ retried: 1, nextAttemptAt: T0 + 120_000 });
  });

  it('dead-letters the whole batch, with its responses, on HTTP 400', async () => {
    const r = makeResponse();
    await enqueue(r, to, T0);
    const report = await flush({
      ...base,
      fetch: fakeFetch(() => json(400, { error: 'siteKey: expected string' })).fetch,
    });
    expect(report).toMatchObject({ rejected: 1, retried: 0 });
    expect(await pendingResponses()).toEqual([]);
    const [letter] = await deadLetters();
    expect(letter).toMatchObject({ id: r.id, status: 400, response: r });
    expect(letter.errors[0].message).toContain('siteKey: expected string');
  });

  it('sends a batch refused with 413 again in halves, down to the collector’s limit, and loses nothing', async () => {
    for (let i = 0; i < 60; i++) await enqueue(makeResponse({}, T0 + i), to, T0);
    // A collector whose MAX_BATCH is 20.
    const c = fakeFetch((rs) =>
      rs.length > 20 ? json(413, { error: `batch of ${rs.length} exceeds 20` }) : acceptAll(rs),
    );
    const report = await flush({ ...base, fetch: c.fetch });
    expect(report).toMatchObject({ sent: 60, rejected: 0, retried: 0 });
    expect(c.batches.map((b) => b.responses.length)).toEqual([50, 25, 13, 13, 13, 13, 8]);
    expect(await pendingResponses()).toEqual([]);
    expect(await deadLetters()).toEqual([]);
  });

  it('sets aside, with its response, only a single response too large on its own', async () => {
    const big = makeResponse({ answers: { comment: 'x'.repeat(5000) } }, T0);
    const small = makeResponse({}, T0 + 1);
    await enqueue(big, to, T0);
    await enqueue(small, to, T0);
    const c = fakeFetch((rs) =>
      rs.some((r) => r.id === big.id) ? json(413, { error: 'body exceeds the limit of 4096 bytes' }) : acceptAll(rs),
    );
    expect(await flush({ ...base, fetch: c.fetch })).toMatchObject({ sent: 1, rejected: 1 });
    expect(c.batches.map((b) => b.responses.length)).toEqual([2, 1, 1]);
    const [letter] = await deadLetters();
    expect(letter).toMatchObject({ id: big.id, status: 413, response: big });
    expect(letter.errors[0].message).toContain('body exceeds the limit of 4096 bytes');
  });

  it('sends a whole batch refused for its setup again a day later, and delivers it once the collector accepts it', async () => {
    const r = makeResponse({ learnerRef: 'L1' }, T0);
    await enqueue(r, to, T0);
    const refuse = fakeFetch(() =>
      json(403, { error: 'origin https://learn.example is not allowed for this site key' }),
    );
    expect(await flush({ ...base, fetch: refuse.fetch })).toMatchObject({ rejected: 1 });
    clock = T0 + 23 * HOUR;
    expect(await flush({ ...base, fetch: refuse.fetch })).toMatchObject({ rejected: 0, sent: 0 });
    expect(refuse.batches).toHaveLength(1); // not before a day has passed
    // The operator adds the origin to SITE_KEYS; a day after it was set aside, the response goes again.
    clock = T0 + 24 * HOUR;
    const accept = fakeFetch(acceptAll);
    expect(await flush({ ...base, fetch: accept.fetch })).toMatchObject({ sent: 1 });
    expect(accept.batches.map((b) => b.responses)).toEqual([[r]]);
    expect(await deadLetters()).toEqual([]);
    expect(await pendingResponses()).toEqual([]);
  });

  it('never sends again an item the collector rejected on its own: its answers are not kept', async () => {
    const bad = makeResponse({ answers: { situation: 'astronaut' } }, T0);
    await enqueue(bad, to, T0);
    const errors = [{ path: 'answers.situation', message: 'expected one of employed, looking' }];
    const reject = fakeFetch(() => json(200, { accepted: [], duplicate: [], rejected: [{ id: bad.id, errors }] }));
    await flush({ ...base, fetch: reject.fetch });
    clock = T0 + 10 * DAY;
    const later = fakeFetch(acceptAll);
    await flush({ ...base, fetch: later.fetch });
    expect(later.batches).toEqual([]);
    expect(await deadLetters()).toMatchObject([{ id: bad.id }]);
  });

  it('stops sending a refused batch again 90 days after it was first queued, and counts it', async () => {
    await enqueue(makeResponse({}, T0), to, T0);
    const refuse = fakeFetch(() => json(401, { error: 'unknown site key' }));
    for (let day = 0; day < 89; day++) {
      clock = T0 + day * DAY;
      await flush({ ...base, fetch: refuse.fetch });
    }
    expect(refuse.batches).toHaveLength(89); // once a day
    clock = T0 + 90 * DAY;
    expect(await flush({ ...base, fetch: refuse.fetch })).toMatchObject({ expired: 1 });
    expect(refuse.batches).toHaveLength(89);
    expect(await pendingResponses()).toEqual([]);
  });

  it('keeps everything on a network error and leaves the rest of that destination waiting too', async () => {
    for (let i = 0; i < 60; i++) await enqueue(makeResponse({}, T0 + i), to, T0);
    const c = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const report = await flush({ ...base, fetch: c.fetch });
    expect(report).toMatchObject({ retried: 50, sent: 0 });
    expect(c.batches).toHaveLength(1);
    const left = await pendingResponses();
    expect(left).toHaveLength(60);
    expect(new Set(left.map((i) => i.nextAttemptAt))).toEqual(new Set([T0 + 1000]));
  });

  it('sends backed-off items at once when the same collector acknowledges a newer one', async () => {
    const old = makeResponse({}, T0);
    await enqueue(old, to, T0);
    await flush({ ...base, fetch: fakeFetch(() => json(503, {})).fetch });
    clock = T0 + 10;
    await enqueue(makeResponse({}, T0 + 10), to, T0 + 10);
    const c = fakeFetch(acceptAll);
    // The new item is due, the old one is not, until the collector proves it is back.
    expect(await flush({ ...base, fetch: c.fetch })).toMatchObject({ sent: 2 });
    expect(c.batches.map((b) => b.responses.length)).toEqual([1, 1]);
  });

  it('drops and counts unsent items older than the retention', async () => {
    await enqueue(makeResponse({}, T0), to, T0);
    await enqueue(makeResponse({}, T0 + 5000), to, T0 + 5000);
    clock = T0 + 90 * 24 * 3600 * 1000;
    const c = fakeFetch(acceptAll);
    expect(await flush({ ...base, fetch: c.fetch })).toMatchObject({ expired: 1, sent: 1 });
    clock = T0;
    await enqueue(makeResponse({}, T0), to, T0);
    expect(await flush({ ...base, maxAgeMs: 0, fetch: c.fetch })).toMatchObject({ expired: 1, sent: 0 });
  });

  it('names in its report what became of each id it sent: delivered, duplicate, set aside and why, kept for retry', async () => {
    const [stored, again, bad] = [0, 1, 2].map((i) => makeResponse({}, T0 + i));
    const [refused, down] = [makeResponse({}, T0 + 3), makeResponse({}, T0 + 4)];
    for (const r of [stored, again, bad]) await enqueue(r, to, T0);
    await enqueue(refused, { endpoint: 'https://refusing.test', siteKey: 'site-2' }, T0);
    await enqueue(down, { endpoint: 'https://down.test', siteKey: 'site-3' }, T0);
    const c = fakeFetch((rs) => {
      if (rs[0].id === refused.id) return json(401, { error: 'unknown site key' });
      if (rs[0].id === down.id) return json(503, {});
      return json(200, { accepted: [stored.id], duplicate: [again.id], rejected: [{ id: bad.id, errors: [] }] });
    });
    const report = await flush({ ...base, fetch: c.fetch });
    expect(report.settled).toEqual({
      delivered: [stored.id],
      duplicate: [again.id],
      setAside: [
        { id: bad.id, code: 'rejected' },
        { id: refused.id, code: 'site-key-refused' },
      ],
      retrying: [down.id],
    });
    expect(report).toMatchObject({ sent: 1, duplicates: 1, rejected: 2, retried: 1 });
  });

  it('sends nothing while another flush holds the lock', async () => {
    await enqueue(makeResponse(), to, T0);
    const c = fakeFetch(acceptAll);
    const busy = {
      request: async (_n: string, _o: unknown, cb: (lock: null) => unknown) => cb(null),
    } as unknown as LockManager;
    expect(await flush({ ...base, locks: busy, fetch: c.fetch })).toMatchObject({
      skipped: true,
      sent: 0,
      nextAttemptAt: T0,
    });
    expect(c.batches).toHaveLength(0);
  });
});
