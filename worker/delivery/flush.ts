import { applyVerdict } from './apply-verdict.ts';
import { classifyResult } from './classify-result.ts';
import {
  deadLetters,
  pendingResponses,
  removeDeadLetters,
  removeQueued,
  requeueDeadLetters,
  setAsideUnreadable,
} from './outbox.ts';
import { postBatch } from './post-batch.ts';
import type { DeadLetter, QueuedItem } from './queued-item.ts';
import { withFlushLock } from './with-flush-lock.ts';

export type FlushReport = {
  sent: number;
  duplicates: number;
  rejected: number;
  retried: number;
  expired: number;
  /** When the earliest item still queued may be tried again; absent when the queue is empty. */
  nextAttemptAt?: number;
  /** Another tab or the worker was flushing; nothing was sent by this call. */
  skipped?: boolean;
  /** Queue records this version cannot read, moved to the dead letters by this call. */
  unreadable?: number;
  /** The collector refused the set-up (site key, origin): the widget tells the host and the learner. */
  refused?: SetupRefusal[];
};

/** A whole batch refused for its site key (401) or origin (403), with the collector's reason. */
export type SetupRefusal = {
  code: 'site-key-refused' | 'origin-refused';
  status: number;
  reason: string;
  endpoint: string;
  siteKey: string;
};

export type FlushOptions = {
  now?: () => number;
  fetch?: typeof fetch;
  random?: () => number;
  /** Unsent items older than this are dropped and counted (default 90 days). */
  maxAgeMs?: number;
  batchSize?: number;
  /** How long a whole batch refused for its setup waits in the dead letters before it is sent again (default a day). */
  resendDeadAfterMs?: number;
  /** Try every item now, e.g. when the browser says it is back online. */
  ignoreBackoff?: boolean;
  /** Injected in tests; null forces the IndexedDB lease fallback. */
  locks?: Pick<LockManager, 'request'> | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_MAX_AGE_MS = 90 * DAY_MS;
const MAX_ROUNDS = 20;

/** Sends what is due, one flush at a time across tabs and the worker; deletes only what the collector acknowledged. */
export async function flush(opts: FlushOptions = {}): Promise<FlushReport> {
  const now = opts.now ?? Date.now;
  const report: FlushReport = { sent: 0, duplicates: 0, rejected: 0, retried: 0, expired: 0 };
  const ran = await withFlushLock((renew) => drain(report, opts, now, renew), { now, locks: opts.locks });
  if (ran === undefined) report.skipped = true;
  const left = await pendingResponses();
  if (left.length) report.nextAttemptAt = Math.min(...left.map((i) => i.nextAttemptAt));
  return report;
}

async function drain(
  report: FlushReport,
  opts: FlushOptions,
  now: () => number,
  renew: () => Promise<void>,
): Promise<true> {
  const maxAge = opts.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  const size = opts.batchSize ?? 50;
  const fetchFn = opts.fetch ?? fetch.bind(globalThis);
  const healthy = new Set<string>(); // a destination that just acknowledged a batch: its backed-off items go now
  const failing = new Set<string>(); // a destination that just failed: left alone until the next flush
  const sizes = new Map<string, number>(); // a destination that answered 413: the batch size it took
  // One read of the dead letters: the expired go; a whole batch refused for its setup (site key,
  // origin) may go through once the collector is fixed, so its responses are tried again once a
  // day, and still expire maxAge after they were first queued.
  const t0 = now();
  // First, so an unreadable record is counted, never sent, and expires with the dead letters.
  const unreadable = await setAsideUnreadable(t0);
  if (unreadable) report.unreadable = unreadable;
  const dead = await deadLetters();
  const expired = (d: DeadLetter) => d.deadAt + maxAge <= t0;
  await removeDeadLetters(dead.filter(expired).map((d) => d.id));
  const resendBefore = t0 - (opts.resendDeadAfterMs ?? DAY_MS);
  await requeueDeadLetters(
    dead.filter((d) => !expired(d) && d.deadAt <= resendBefore),
    t0,
  );
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const t = now();
    const items = await pendingResponses();
    const expired = items.filter((i) => i.queuedAt + maxAge <= t);
    await removeQueued(expired.map((i) => i.response.id));
    report.expired += expired.length;
    const groups = new Map<string, QueuedItem[]>();
    for (const item of items) {
      const key = `${item.to.endpoint} ${item.to.siteKey}`;
      const due = opts.ignoreBackoff || healthy.has(key) || item.nextAttemptAt <= t;
      if (item.queuedAt + maxAge > t && due && !failing.has(key)) groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    if (!groups.size) break;
    let progressed = false;
    for (const [key, group] of groups) {
      for (let start = 0; start < group.length; ) {
        await renew();
        const batch = group.slice(start, start + (sizes.get(key) ?? size));
        const outcome = await postBatch(
          batch[0].to,
          batch.map((i) => i.response),
          fetchFn,
          now,
        );
        // Too large for this collector (its MAX_BATCH or body limit): the same responses again in
        // halves, down to one; only a response too large on its own is set aside with the 413.
        if (outcome.kind === 'http' && outcome.status === 413 && batch.length > 1) {
          sizes.set(key, Math.ceil(batch.length / 2));
          continue;
        }
        const verdict = classifyResult(
          batch.map((i) => i.response.id),
          outcome,
        );
        await applyVerdict(
          verdict,
          batch,
          group.slice(start + batch.length),
          outcome.kind === 'http' ? outcome.status : 0,
          report,
          opts,
          now,
        );
        if (verdict.accepted.length || verdict.duplicate.length) {
          progressed = true;
          healthy.add(key);
        }
        if (verdict.retry.length) {
          failing.add(key);
          healthy.delete(key);
          break;
        }
        start += batch.length;
      }
    }
    if (!progressed) break;
  }
  return true;
}
