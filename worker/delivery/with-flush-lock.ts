import { releaseLease, takeLease } from '../storage/lease.ts';

export const FLUSH_LOCK = 'outcome-survey-flush';
const LEASE_TTL_MS = 2 * 60 * 1000;

type Locks = Pick<LockManager, 'request'>;

/**
 * Runs `work` only if no other tab or worker of this origin is flushing; otherwise
 * resolves undefined at once (a flush already running will see our items too).
 * Web Locks where the browser has them; elsewhere a lease record in IndexedDB that
 * expires, so a tab closed mid-flush cannot hold the queue for ever. `renew` keeps
 * the lease alive during a long flush.
 */
export async function withFlushLock<T>(
  work: (renew: () => Promise<void>) => Promise<T>,
  opts: { now: () => number; locks?: Locks | null },
): Promise<T | undefined> {
  const locks = opts.locks === undefined ? (globalThis.navigator as { locks?: Locks } | undefined)?.locks : opts.locks;
  if (locks) {
    return locks.request(FLUSH_LOCK, { ifAvailable: true }, async (lock) =>
      lock ? work(async () => {}) : undefined,
    ) as Promise<T | undefined>;
  }
  const owner = crypto.randomUUID();
  if (!(await takeLease(owner, opts.now(), LEASE_TTL_MS))) return undefined;
  try {
    return await work(async () => {
      await takeLease(owner, opts.now(), LEASE_TTL_MS);
    });
  } finally {
    await releaseLease(owner);
  }
}
