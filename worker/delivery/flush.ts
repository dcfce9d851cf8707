import { pendingResponses, removeQueued } from '../storage/queue.ts';
import { payloadOf } from '../storage/queued-item.ts';
import { setAsideUnreadable } from '../storage/set-aside-unreadable.ts';
import { newDestinations } from './destinations.ts';
import { dueGroups } from './due-groups.ts';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_MAX_AGE_MS,
  DEFAULT_RESEND_DEAD_AFTER_MS,
  type FlushOptions,
} from './flush-options.ts';
import { addSettlement, emptyReport, type FlushReport } from './flush-report.ts';
import { reviewDeadLetters } from './review-dead-letters.ts';
import { sendGroup } from './send-group.ts';
import { withFlushLock } from './with-flush-lock.ts';

const MAX_ROUNDS = 20;

/** Sends what is due, one flush at a time across tabs and the worker; deletes only what the collector acknowledged. */
export async function flush(opts: FlushOptions = {}): Promise<FlushReport> {
  const now = opts.now ?? Date.now;
  const drained = await withFlushLock((renew) => drain(opts, now, renew), { now, locks: opts.locks });
  const report = drained ?? { ...emptyReport(), skipped: true };
  const left = await pendingResponses();
  if (left.length) report.nextAttemptAt = Math.min(...left.map((i) => i.nextAttemptAt));
  return report;
}

async function drain(opts: FlushOptions, now: () => number, renew: () => Promise<void>): Promise<FlushReport> {
  const maxAgeMs = opts.maxAgeMs ?? DEFAULT_MAX_AGE_MS;
  let report = emptyReport();
  const t0 = now();
  // First, so an unreadable record is counted, never sent, and expires with the dead letters.
  const unreadable = await setAsideUnreadable(t0);
  if (unreadable) report.unreadable = unreadable;
  await reviewDeadLetters(t0, { maxAgeMs, resendAfterMs: opts.resendDeadAfterMs ?? DEFAULT_RESEND_DEAD_AFTER_MS });
  const seen = newDestinations();
  const send = {
    fetch: opts.fetch ?? fetch.bind(globalThis),
    now,
    random: opts.random,
    batchSize: opts.batchSize ?? DEFAULT_BATCH_SIZE,
    renew,
    seen,
  };
  // Rounds, because a destination that acknowledges a batch makes its backed-off items due.
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const t = now();
    const items = await pendingResponses();
    const expired = items.filter((i) => i.queuedAt + maxAgeMs <= t);
    await removeQueued(expired.map((i) => payloadOf(i).id));
    report.expired += expired.length;
    const groups = dueGroups(items, t, { maxAgeMs, ignoreBackoff: opts.ignoreBackoff }, seen);
    if (!groups.size) break;
    const before = report.sent + report.duplicates;
    for (const [key, group] of groups)
      for (const settlement of await sendGroup(key, group, send)) report = addSettlement(report, settlement);
    if (report.sent + report.duplicates === before) break;
  }
  return report;
}
