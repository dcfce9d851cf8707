import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { flush } from '../../../worker/delivery/flush.ts';
import { deadLetters } from '../../../worker/storage/dead-letters.ts';
import { eraseQueued } from '../../../worker/storage/erase-queued.ts';
import { enqueue } from '../../../worker/storage/queue.ts';
import { fakeFetch, json, makeResponse, to } from '../fake-collector-fetch.ts';

// Issue 14, item 12: a refused set-up is reported by code (from the status, never the wording),
// with the collector's own reason, so the page can tell the host and the learner.
const T0 = Date.parse('2026-03-01T10:00:00Z');
const base = { now: () => T0, locks: null, random: () => 0.5 };

beforeEach(async () => {
  await eraseQueued();
});

describe('a whole batch refused by the collector', () => {
  it.each([
    [401, 'unknown siteKey "my-site-kye"', 'site-key-refused'],
    [403, 'origin "https://learn.example" is not allowed for siteKey "k"', 'origin-refused'],
  ] as const)('on HTTP %i reports the refusal as %s with the collector’s reason', async (status, reason, code) => {
    const r = makeResponse();
    await enqueue(r, to, T0);
    const report = await flush({ ...base, fetch: fakeFetch(() => json(status, { error: reason })).fetch });
    expect(report.refused).toEqual([{ code, status, reason, ...to }]);
    expect(await deadLetters()).toMatchObject([{ id: r.id, code, status, response: r }]);
  });

  it('reports nothing to the page for another refusal, and files it as batch-refused', async () => {
    await enqueue(makeResponse(), to, T0);
    const report = await flush({ ...base, fetch: fakeFetch(() => json(415, { error: 'expected JSON' })).fetch });
    expect(report.refused).toBeUndefined();
    expect(await deadLetters()).toMatchObject([{ code: 'batch-refused', status: 415 }]);
  });
});
