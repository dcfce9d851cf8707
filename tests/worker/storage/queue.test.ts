import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { flush } from '../../../worker/delivery/flush.ts';
import { deadLetters } from '../../../worker/storage/dead-letters.ts';
import { eraseQueued } from '../../../worker/storage/erase-queued.ts';
import { OutboxUnavailableError } from '../../../worker/storage/outbox-unavailable-error.ts';
import { enqueue, pendingResponses } from '../../../worker/storage/queue.ts';
import { payloadOf } from '../../../worker/storage/queued-item.ts';
import { fakeFetch, json, makeResponse, to } from '../fake-collector-fetch.ts';

beforeEach(async () => {
  await eraseQueued();
});

describe('outbox', () => {
  it('lists queued responses oldest first, whatever the order they were queued in', async () => {
    const later = makeResponse({}, 2_000_000);
    const earlier = makeResponse({}, 1_000_000);
    await enqueue(later, to, 5);
    await enqueue(earlier, to, 6);
    expect((await pendingResponses()).map((i) => payloadOf(i).id)).toEqual([earlier.id, later.id]);
    expect(await pendingResponses()).toMatchObject([
      { to, queuedAt: 6, attempts: 0, nextAttemptAt: 6 },
      { queuedAt: 5 },
    ]);
  });

  it("erases one learner's queued responses and dead letters, and no one else's", async () => {
    await enqueue(makeResponse({ learnerRef: 'A' }, 1), to);
    await enqueue(makeResponse({ learnerRef: 'B' }, 2), to);
    const rejected = makeResponse({ learnerRef: 'A' }, 3);
    await enqueue(rejected, to);
    await flush({
      locks: null,
      fetch: fakeFetch(() => json(200, { accepted: [], duplicate: [], rejected: [{ id: rejected.id, errors: [] }] }))
        .fetch,
    });
    expect(await deadLetters()).toHaveLength(1);
    expect(await eraseQueued({ learnerRef: 'A' })).toBe(2);
    expect((await pendingResponses()).map((i) => payloadOf(i).learnerRef)).toEqual(['B']);
    expect(await deadLetters()).toEqual([]);
  });

  it('throws OutboxUnavailableError, naming the cause, when IndexedDB refuses the write', async () => {
    const response = makeResponse();
    // A value IndexedDB cannot clone stands in for a quota or private-mode failure.
    const unclonable = { ...response, answers: { situation: (() => {}) as unknown as string } };
    const error = await enqueue(unclonable, to).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboxUnavailableError);
    expect((error as Error).message).toMatch(
      /^outcome-survey: the offline queue \(IndexedDB\) is unavailable: DataCloneError/,
    );
  });
});
