import 'fake-indexeddb/auto';
import { createStore, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { flush } from '../../../worker/delivery/flush.ts';
import { DEFAULT_MAX_AGE_MS } from '../../../worker/delivery/flush-options.ts';
import { deadLetters } from '../../../worker/storage/dead-letters.ts';
import { eraseQueued } from '../../../worker/storage/erase-queued.ts';
import { enqueue, enqueueEvent, pendingResponses } from '../../../worker/storage/queue.ts';
import { acceptAll, fakeFetch, json, makeEvent, makeResponse, to } from '../fake-collector-fetch.ts';

// Issue 16: contact events go through the outbox and the delivery policy of the responses.
const T0 = Date.parse('2026-03-01T10:00:00Z');
const HOUR = 3_600_000;
let clock = T0;
const base = { now: () => clock, locks: null, random: () => 0.5 };
const idsOf = (items: { id: string }[]) => items.map((i) => i.id);

beforeEach(async () => {
  clock = T0;
  await eraseQueued();
});

describe('contact events in the outbox', () => {
  it('are queued beside the responses, oldest first, each under its own id', async () => {
    const shown = makeEvent({}, T0);
    const response = makeResponse({}, T0 + 1);
    const completed = makeEvent({ kind: 'completed' }, T0 + 2);
    await enqueueEvent(completed, to, T0);
    await enqueue(response, to, T0);
    await enqueueEvent(shown, to, T0);
    expect((await pendingResponses()).map((i) => (i.event ?? i.response).id)).toEqual([
      shown.id,
      response.id,
      completed.id,
    ]);
  });

  it('go with the responses in one envelope per destination, and are deleted once acknowledged by id', async () => {
    const shown = makeEvent({}, T0);
    const response = makeResponse({}, T0 + 1);
    const dismissed = makeEvent({ kind: 'dismissed', reason: 'not_now' }, T0 + 2);
    for (const e of [shown, dismissed]) await enqueueEvent(e, to, T0);
    await enqueue(response, to, T0);
    const c = fakeFetch(acceptAll);

    const report = await flush({ ...base, fetch: c.fetch });

    expect(c.batches).toEqual([
      {
        url: 'https://collector.test/v1/responses',
        encoding: 'gzip',
        siteKey: 'site-1',
        responses: [response],
        events: [shown, dismissed],
      },
    ]);
    expect(report).toMatchObject({ sent: 3, retried: 0 });
    expect(report.settled?.delivered).toEqual([shown.id, response.id, dismissed.id]);
    expect(await pendingResponses()).toEqual([]);
  });

  it('leaves the events key out of an envelope that has none, as before', async () => {
    await enqueue(makeResponse({}, T0), to, T0);
    const c = fakeFetch(acceptAll);
    await flush({ ...base, fetch: c.fetch });
    expect(Object.keys(c.batches[0])).not.toContain('events');
  });

  it('delete an event acknowledged as a duplicate', async () => {
    const e = makeEvent({}, T0);
    await enqueueEvent(e, to, T0);
    const c = fakeFetch(() => json(200, { accepted: [], duplicate: [e.id], rejected: [] }));
    expect(await flush({ ...base, fetch: c.fetch })).toMatchObject({ duplicates: 1 });
    expect(await pendingResponses()).toEqual([]);
  });

  it('set aside an event the collector rejects alone, with its reason, and store the rest', async () => {
    const good = makeResponse({}, T0);
    const bad = makeEvent({ kind: 'progress', answered: 2, learnerRef: 'L1' }, T0 + 1);
    await enqueue(good, to, T0);
    await enqueueEvent(bad, to, T0);
    const errors = [{ path: 'events[0].asked', message: 'expected a whole number of questions asked' }];
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
        // Marked, so pending() and deadLetters() can leave it out of what they tell the host of responses.
        kind: 'event',
      },
    ]);
  });

  it.each([
    ['HTTP 500', () => json(500, { error: 'down' })],
    ['HTTP 429', () => json(429, { error: 'slow down' }, { 'retry-after': '60' })],
    ['an acknowledgement that does not name them', () => json(200, { accepted: [], duplicate: [], rejected: [] })],
  ])('are kept and backed off on %s', async (_, reply) => {
    const e = makeEvent({}, T0);
    await enqueueEvent(e, to, T0);
    expect(await flush({ ...base, fetch: fakeFetch(reply).fetch })).toMatchObject({ retried: 1 });
    const [item] = await pendingResponses();
    expect(item.event).toEqual(e);
    expect(item.attempts).toBe(1);
    expect(item.nextAttemptAt).toBeGreaterThan(T0);
    // Not again before the backoff is over.
    const again = fakeFetch(acceptAll);
    await flush({ ...base, fetch: again.fetch });
    expect(again.batches).toEqual([]);
  });

  it('are sent again in halves when the batch is too large (413), and none is lost', async () => {
    for (let i = 0; i < 20; i++) await enqueue(makeResponse({}, T0 + 2 * i), to, T0);
    for (let i = 0; i < 20; i++) await enqueueEvent(makeEvent({}, T0 + 2 * i + 1), to, T0);
    // A collector that takes at most 10 items per envelope, responses and events together.
    const c = fakeFetch((rs, es) =>
      rs.length + es.length > 10 ? json(413, { error: 'batch too large' }) : acceptAll(rs, es),
    );
    expect(await flush({ ...base, fetch: c.fetch })).toMatchObject({ sent: 40, rejected: 0, retried: 0 });
    expect(c.batches.map((b) => b.responses.length + (b.events?.length ?? 0))).toEqual([40, 20, 10, 10, 10, 10]);
    expect(new Set(c.batches.slice(2).flatMap((b) => idsOf([...b.responses, ...(b.events ?? [])]))).size).toBe(40);
    expect(await pendingResponses()).toEqual([]);
  });

  it('keep the event, to be sent again, when the whole batch is refused for its set-up', async () => {
    const e = makeEvent({}, T0);
    await enqueueEvent(e, to, T0);
    await flush({ ...base, fetch: fakeFetch(() => json(401, { error: 'unknown site key' })).fetch });
    const [letter] = await deadLetters();
    expect(letter).toMatchObject({ id: e.id, code: 'site-key-refused', event: e });
    expect(letter.response).toBeUndefined();
    // A day later the collector knows the key: the event goes, once.
    clock = T0 + 25 * HOUR;
    const c = fakeFetch(acceptAll);
    await flush({ ...base, fetch: c.fetch });
    expect(c.batches.flatMap((b) => idsOf(b.events ?? []))).toEqual([e.id]);
    expect(await deadLetters()).toEqual([]);
  });

  it('expire unsent after the retention, like responses', async () => {
    await enqueueEvent(makeEvent({}, T0), to, T0);
    clock = T0 + DEFAULT_MAX_AGE_MS;
    const c = fakeFetch(acceptAll);
    expect(await flush({ ...base, fetch: c.fetch })).toMatchObject({ expired: 1 });
    expect(c.batches).toEqual([]);
    expect(await pendingResponses()).toEqual([]);
  });

  it('are erased with their learner on withdrawal, and no one else’s', async () => {
    const mine = makeEvent({ learnerRef: 'L1' }, T0);
    const theirs = makeEvent({ learnerRef: 'L2' }, T0 + 1);
    await enqueueEvent(mine, to, T0);
    await enqueueEvent(theirs, to, T0);
    expect(await eraseQueued({ learnerRef: 'L1' })).toBe(1);
    expect((await pendingResponses()).map((i) => i.event?.id)).toEqual([theirs.id]);
  });

  it('an unreadable event record is set aside, named by its survey, while the rest is delivered', async () => {
    const good = makeEvent({}, T0);
    await enqueueEvent(good, to, T0);
    const broken = { event: { id: 'broken-1', surveyId: 'career-outcomes' }, to, queuedAt: T0, attempts: 0 };
    await set('broken-1', broken, createStore('outcome-survey-outbox', 'queue'));
    const c = fakeFetch(acceptAll);

    expect(await flush({ ...base, fetch: c.fetch })).toMatchObject({ sent: 1, unreadable: 1 });
    expect(c.batches.flatMap((b) => idsOf(b.events ?? []))).toEqual([good.id]);
    expect(await deadLetters()).toEqual([
      expect.objectContaining({
        id: 'broken-1',
        code: 'unreadable-record',
        surveyId: 'career-outcomes',
        errors: [{ path: '(record)', message: expect.stringContaining('nextAttemptAt is undefined') }],
      }),
    ]);
  });
});
