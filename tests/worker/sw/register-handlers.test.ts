import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlushReport } from '../../../worker/delivery/flush-report.ts';
import { eraseQueued } from '../../../worker/storage/erase-queued.ts';
import { enqueue, pendingResponses } from '../../../worker/storage/queue.ts';
import { registerOutcomeSurveyHandlers } from '../../../worker/sw/register-handlers.ts';
import { acceptAll, fakeFetch, json, makeResponse, to } from '../fake-collector-fetch.ts';

type Listener = (event: Event) => void;

/** Just enough of ServiceWorkerGlobalScope: listeners, and events whose waitUntil promises we keep. */
function fakeScope() {
  const listeners = new Map<string, Listener[]>();
  const scope = {
    addEventListener: (type: string, l: Listener) => listeners.set(type, [...(listeners.get(type) ?? []), l]),
  };
  const dispatch = (type: string, fields: object): Promise<unknown>[] => {
    const waits: Promise<unknown>[] = [];
    for (const l of listeners.get(type) ?? [])
      l({ ...fields, waitUntil: (p: Promise<unknown>) => waits.push(p) } as unknown as Event);
    return waits;
  };
  return { scope, dispatch };
}

/**
 * A Web Locks stand-in of the test's own, so no test meets a lease another left behind: one holder at a
 * time, `ifAvailable` as flush asks; idle() resolves once no flush holds it.
 */
function ownLock() {
  let held: Promise<unknown> | undefined;
  const request = (_name: string, _opts: unknown, work: (lock: object | null) => unknown) => {
    if (held) return Promise.resolve(work(null));
    const run: Promise<unknown> = Promise.resolve(work({})).finally(() => {
      if (held === run) held = undefined;
    });
    held = run;
    return run;
  };
  const idle = async () => {
    while (held) await held.catch(() => {});
  };
  return { locks: { request } as unknown as LockManager, idle };
}

let lock = ownLock();

beforeEach(async () => {
  lock = ownLock();
  await eraseQueued();
});
// The start-up flush is waited on by no event: it must end before the next test fills the queue.
afterEach(() => lock.idle());

describe('registerOutcomeSurveyHandlers', () => {
  it('drains the queue on a flush message and answers on the message port with the report', async () => {
    const { scope, dispatch } = fakeScope();
    registerOutcomeSurveyHandlers(scope, { locks: lock.locks, fetch: fakeFetch(acceptAll).fetch });
    await enqueue(makeResponse(), to);
    const replies: FlushReport[] = [];
    const port = { postMessage: (r: FlushReport) => replies.push(r) };
    await Promise.all(dispatch('message', { data: { type: 'OUTCOME_SURVEY_FLUSH' }, ports: [port] }));
    expect(replies).toEqual([expect.objectContaining({ sent: 1, retried: 0 })]);
    expect(await pendingResponses()).toEqual([]);
  });

  it('ignores messages that are not for it', () => {
    const { scope, dispatch } = fakeScope();
    registerOutcomeSurveyHandlers(scope, { locks: lock.locks, fetch: fakeFetch(acceptAll).fetch });
    expect(dispatch('message', { data: { type: 'SKIP_WAITING' }, ports: [] })).toEqual([]);
    expect(dispatch('message', { data: null, ports: [] })).toEqual([]);
  });

  it('fails the sync event while responses could not be delivered, so the browser fires it again', async () => {
    const { scope, dispatch } = fakeScope();
    registerOutcomeSurveyHandlers(scope, { locks: lock.locks, fetch: fakeFetch(() => json(503, {})).fetch });
    await enqueue(makeResponse(), to);
    const [wait] = dispatch('sync', { tag: 'outcome-survey' });
    // Sent by this sync, or by the flush the worker's start began and now waiting for its next attempt.
    await expect(wait).rejects.toThrow(
      /^outcome-survey: (1 responses could not be delivered yet|responses wait for their next attempt)$/,
    );
    expect(await pendingResponses()).toHaveLength(1);
    expect(dispatch('sync', { tag: 'someone-else' })).toEqual([]);
  });

  it('completes the sync event once nothing is left to deliver', async () => {
    const { scope, dispatch } = fakeScope();
    registerOutcomeSurveyHandlers(scope, { locks: lock.locks, fetch: fakeFetch(acceptAll).fetch });
    await enqueue(makeResponse(), to);
    const [wait] = dispatch('sync', { tag: 'outcome-survey' });
    await expect(wait).resolves.toBeUndefined();
    expect(await pendingResponses()).toEqual([]);
  });

  it('drains the queue on activate', async () => {
    const { scope, dispatch } = fakeScope();
    const c = fakeFetch(acceptAll);
    registerOutcomeSurveyHandlers(scope, { locks: lock.locks, fetch: c.fetch });
    await lock.idle(); // the start-up flush has found the queue empty and let go of the lock
    await enqueue(makeResponse(), to);
    await Promise.all(dispatch('activate', {}));
    expect(await pendingResponses()).toEqual([]);
    expect(c.batches).toHaveLength(1);
  });
});
