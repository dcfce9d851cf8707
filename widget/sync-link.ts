import type { EmbedOptions } from './options.ts';

export type SyncLink = {
  /** Asks for a flush and resolves at the next flush report, or after waitMs. */
  flush(waitMs: number): Promise<void>;
  stop(): void;
};

/**
 * Starts draining the queue (service worker or in-page) and tells us how many responses each flush delivered.
 * Loaded once no prompt is in flight (sync-hold.ts), so it is no part of the path to the first question.
 */
export async function connectSync(options: EmbedOptions, onSent: (count: number) => void): Promise<SyncLink> {
  const { startSync } = await import('./sync/start-sync.ts');
  const waiters = new Set<() => void>();
  const handle = startSync({
    swUrl: options.sw,
    debug: options.debug,
    onReport(report) {
      const sent = (report as { sent?: unknown }).sent;
      const count = typeof sent === 'number' ? sent : Array.isArray(sent) ? sent.length : 0;
      if (count > 0) onSent(count);
      for (const wake of [...waiters]) wake();
    },
  });
  return {
    flush(waitMs) {
      return new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, waitMs);
        waiters.add(done);
        handle.requestSync();
      });
    },
    stop: () => handle.stop(),
  };
}
