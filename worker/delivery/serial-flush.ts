import { type FlushOptions, type FlushReport, flush } from './flush.ts';

/**
 * Flushes one after another within one worker, and lets a caller that arrives while
 * a flush runs hear about that flush too. Without it, a page's message that lands
 * while the worker's start-up flush holds the lock would be answered "skipped, sent 0"
 * although its responses were being sent at that very moment.
 */
export function serialFlush(opts: FlushOptions): (extra?: Partial<FlushOptions>) => Promise<FlushReport> {
  let current: Promise<FlushReport> | undefined;
  return (extra = {}) => {
    const running = current;
    const next = (async () => {
      const before = running ? await running.catch(() => undefined) : undefined;
      const after = await flush({ ...opts, ...extra });
      return before ? merge(before, after) : after;
    })();
    current = next;
    void next
      .finally(() => {
        if (current === next) current = undefined;
      })
      .catch(() => {});
    return next;
  };
}

function merge(a: FlushReport, b: FlushReport): FlushReport {
  const { nextAttemptAt, skipped } = b;
  const sum: FlushReport = {
    sent: a.sent + b.sent,
    duplicates: a.duplicates + b.duplicates,
    rejected: a.rejected + b.rejected,
    retried: a.retried + b.retried,
    expired: a.expired + b.expired,
  };
  if (nextAttemptAt !== undefined) sum.nextAttemptAt = nextAttemptAt;
  const unreadable = (a.unreadable ?? 0) + (b.unreadable ?? 0);
  if (unreadable) sum.unreadable = unreadable;
  const refused = [...(a.refused ?? []), ...(b.refused ?? [])];
  if (refused.length) sum.refused = refused;
  if (skipped) sum.skipped = true;
  return sum;
}
