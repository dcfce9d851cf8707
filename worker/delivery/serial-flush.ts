import { flush } from './flush.ts';
import type { FlushOptions } from './flush-options.ts';
import { type FlushReport, mergeReports } from './flush-report.ts';

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
      return before ? mergeReports(before, after) : after;
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
