import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { createStore, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { flush } from '../../../worker/delivery/flush.ts';
import { DEFAULT_MAX_AGE_MS } from '../../../worker/delivery/flush-options.ts';
import { deadLetters } from '../../../worker/storage/dead-letters.ts';
import { eraseQueued } from '../../../worker/storage/erase-queued.ts';
import { enqueue, pendingResponses } from '../../../worker/storage/queue.ts';
import { acceptAll, fakeFetch, makeResponse, to } from '../fake-collector-fetch.ts';

// Issue 14, item 3: one record of the wrong shape in the queue (another version's, a tampered one)
// stopped every delivery on the device, expiry included.
const T0 = Date.parse('2026-03-01T10:00:00Z');
let clock = T0;
const base = { now: () => clock, locks: null, random: () => 0.5 };
const queueStore = () => createStore('outcome-survey-outbox', 'queue');
const putRaw = (key: IDBValidKey, value: unknown) => set(key, value, queueStore());

beforeEach(async () => {
  clock = T0;
  await eraseQueued();
});

describe('an unreadable outbox record', () => {
  it('is set aside with its reason while the valid items are delivered', async () => {
    const good = makeResponse({}, T0);
    await enqueue(good, to, T0);
    await putRaw('garbage-1', { garbage: true });
    const c = fakeFetch(acceptAll);

    const report = await flush({ ...base, fetch: c.fetch });

    expect(report).toMatchObject({ sent: 1, unreadable: 1 });
    expect(c.batches.flatMap((b) => b.responses.map((r) => r.id))).toEqual([good.id]);
    expect(await pendingResponses()).toEqual([]);
    expect(await deadLetters()).toEqual([
      {
        id: 'garbage-1',
        code: 'unreadable-record',
        surveyId: '(unknown)',
        status: 0,
        errors: [{ path: '(record)', message: expect.stringContaining('response is undefined, expected an object') }],
        deadAt: T0,
        record: { garbage: true },
      },
    ]);
  });

  it('expires like any dead letter', async () => {
    await putRaw('garbage-1', { garbage: true });
    await flush({ ...base, fetch: fakeFetch(acceptAll).fetch });
    clock = T0 + DEFAULT_MAX_AGE_MS;
    await flush({ ...base, fetch: fakeFetch(acceptAll).fetch });
    expect(await deadLetters()).toEqual([]);
  });

  it.each([
    ['a record filed under a key other than its id', (id: string) => ({ ...valid(id), response: makeResponse() })],
    ['a destination without a site key', (id: string) => ({ ...valid(id), to: { endpoint: to.endpoint } })],
    ['a queuedAt that is not a number', (id: string) => ({ ...valid(id), queuedAt: 'yesterday' })],
    ['a string instead of a record', () => 'hello'],
  ])('sets aside %s, keeping what it names', async (_, make) => {
    const id = makeResponse().id;
    await putRaw(id, make(id));
    const report = await flush({ ...base, fetch: fakeFetch(acceptAll).fetch });
    expect(report.unreadable).toBe(1);
    const [letter] = await deadLetters();
    expect(letter).toMatchObject({ id, code: 'unreadable-record', status: 0 });
    expect(letter.errors[0].message).toMatch(/^outbox record ".+" cannot be read by this version \(.+\)/);
  });

  it('is erased by a withdrawal of its learner while still queued', async () => {
    const id = makeResponse().id;
    await putRaw(id, { ...valid(id), queuedAt: null, response: { ...makeResponse({ learnerRef: 'L1' }), id } });
    expect(await eraseQueued({ learnerRef: 'L1' })).toBe(1);
    const c = fakeFetch(acceptAll);
    expect(await flush({ ...base, fetch: c.fetch })).toMatchObject({ sent: 0 });
    expect(await deadLetters()).toEqual([]);
  });
});

function valid(id: string) {
  return { response: { ...makeResponse({}, T0), id }, to, queuedAt: T0, attempts: 0, nextAttemptAt: T0 };
}

describe('outbox records of random shape', () => {
  // Whatever else the queue holds: valid items are delivered, every other record is delivered, set
  // aside with a reason or (readable but too old) counted as expired, nothing stays queued, and what
  // was set aside expires.
  // A record of any shape at all, or a valid record (filled in below) with one field replaced.
  const randomRecord = fc.oneof(
    fc.anything().map((value) => ({ value })),
    fc
      .record({ response: fc.anything(), to: fc.anything(), queuedAt: fc.anything() }, { requiredKeys: [] })
      .map((value) => ({ value })),
    fc.tuple(fc.constantFrom('response', 'to', 'queuedAt', 'attempts', 'nextAttemptAt'), fc.anything()),
  );

  it('never block the queue', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(randomRecord, { maxLength: 6 }), fc.integer({ min: 1, max: 4 }), async (raws, n) => {
        clock = T0;
        await eraseQueued();
        const goods = Array.from({ length: n }, (_, i) => makeResponse({}, T0 + i));
        for (const g of goods) await enqueue(g, to, T0);
        const rawKeys = raws.map((_, i) => `raw-${i}`);
        for (const [i, raw] of raws.entries()) {
          await putRaw(rawKeys[i], Array.isArray(raw) ? { ...valid(rawKeys[i]), [raw[0]]: raw[1] } : raw.value);
        }
        const c = fakeFetch(acceptAll);

        const report = await flush({ ...base, fetch: c.fetch });

        const sent = new Set(c.batches.flatMap((b) => b.responses.map((r) => r.id)));
        for (const g of goods) expect(sent.has(g.id)).toBe(true);
        expect(await pendingResponses()).toEqual([]);
        const letters = await deadLetters();
        let expired = 0;
        for (const key of rawKeys) {
          const letter = letters.find((l) => l.id === key);
          if (letter) expect(letter.errors[0].message).toContain('cannot be read by this version');
          else if (!sent.has(key)) expired++; // readable, but queued more than 90 days ago
        }
        expect(report.expired).toBe(expired);
        clock = T0 + DEFAULT_MAX_AGE_MS;
        await flush({ ...base, fetch: fakeFetch(acceptAll).fetch });
        expect(await deadLetters()).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
