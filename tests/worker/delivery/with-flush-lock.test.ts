import 'fake-indexeddb/auto';
import { clear, createStore } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import { withFlushLock } from '../../../worker/delivery/with-flush-lock.ts';

/** A flush that says when it holds the lock, and ends when told to. */
function heldFlush<T>(result: T) {
  let started = () => {};
  let release = () => {};
  const holding = new Promise<void>((r) => {
    started = r;
  });
  const released = new Promise<void>((r) => {
    release = r;
  });
  const work = async () => {
    started();
    await released;
    return result;
  };
  return { work, holding, release };
}

// Each test starts with no lease: none depends on what another left behind.
beforeEach(async () => {
  await clear(createStore('outcome-survey-meta', 'meta'));
});

describe('withFlushLock without the Web Locks API', () => {
  it('lets one flush run and turns the others away until it ends', async () => {
    const { work, holding, release } = heldFlush('first');
    const first = withFlushLock(work, { now: Date.now, locks: null });
    await holding;
    expect(await withFlushLock(async () => 'second', { now: Date.now, locks: null })).toBeUndefined();
    release();
    expect(await first).toBe('first');
    expect(await withFlushLock(async () => 'third', { now: Date.now, locks: null })).toBe('third');
  });

  it('takes over a lease left behind by a tab that died mid-flush, once it expires', async () => {
    let t = 1_000_000;
    // The dead tab's flush never ends by itself; let go of it at the end, so it leaves nothing behind.
    const dead = heldFlush('dead');
    const died = withFlushLock(dead.work, { now: () => t, locks: null });
    await dead.holding;
    expect(await withFlushLock(async () => 'too early', { now: () => t, locks: null })).toBeUndefined();
    t += 2 * 60 * 1000 + 1;
    expect(await withFlushLock(async () => 'after expiry', { now: () => t, locks: null })).toBe('after expiry');
    dead.release();
    await died;
  });
});

describe('withFlushLock with the Web Locks API', () => {
  it('asks for the shared lock without waiting for it', async () => {
    const calls: unknown[] = [];
    const locks = {
      request: async (name: string, options: unknown, cb: (lock: object | null) => unknown) => {
        calls.push([name, options]);
        return cb(null);
      },
    } as unknown as LockManager;
    expect(await withFlushLock(async () => 'ran', { now: Date.now, locks })).toBeUndefined();
    expect(calls).toEqual([['outcome-survey-flush', { ifAvailable: true }]]);
  });
});
