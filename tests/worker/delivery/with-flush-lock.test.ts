import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { withFlushLock } from '../../../worker/delivery/with-flush-lock.ts';

describe('withFlushLock without the Web Locks API', () => {
  it('lets one flush run and turns the others away until it ends', async () => {
    let release = () => {};
    const running = new Promise<void>((r) => {
      release = r;
    });
    const first = withFlushLock(
      async () => {
        await running;
        return 'first';
      },
      { now: Date.now, locks: null },
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(await withFlushLock(async () => 'second', { now: Date.now, locks: null })).toBeUndefined();
    release();
    expect(await first).toBe('first');
    expect(await withFlushLock(async () => 'third', { now: Date.now, locks: null })).toBe('third');
  });

  it('takes over a lease left behind by a tab that died mid-flush, once it expires', async () => {
    let t = 1_000_000;
    const never = new Promise<string>(() => {});
    void withFlushLock(() => never, { now: () => t, locks: null });
    await new Promise((r) => setTimeout(r, 20));
    expect(await withFlushLock(async () => 'too early', { now: () => t, locks: null })).toBeUndefined();
    t += 2 * 60 * 1000 + 1;
    expect(await withFlushLock(async () => 'after expiry', { now: () => t, locks: null })).toBe('after expiry');
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
