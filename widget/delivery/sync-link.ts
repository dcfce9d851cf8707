import type { FlushReport, SetupRefusal } from '../../worker/delivery/flush-report.ts';
import type { Events } from '../core/events.ts';
import type { EmbedOptions } from '../core/options/option-table.ts';
import type { RefusalTarget } from './report-refusals.ts';

export type SyncLink = {
  /** Asks for a flush and resolves with the next flush report, or with nothing after waitMs. */
  flush(waitMs: number): Promise<FlushReport | undefined>;
  stop(): void;
};

/**
 * Starts draining the queue (service worker or in-page) and tells the host how many responses each flush
 * delivered (`synced`) and which set-ups the collector refused (`error`, report-refusals.ts).
 * Loaded once no prompt is in flight (sync-hold.ts), so it is no part of the path to the first question.
 */
export async function connectSync(
  options: EmbedOptions,
  events: Events,
  configured: () => RefusalTarget[],
): Promise<SyncLink> {
  const { startSync } = await import('./start-sync.ts');
  const waiters = new Set<(report?: FlushReport) => void>();
  const told = new Set<string>();
  const refused = (refusals: SetupRefusal[]) =>
    import('./report-refusals.ts')
      .then((m) => m.reportRefusals(refusals, configured(), events, told))
      .catch((error: unknown) => console.error('outcome-survey: the collector refused the set-up', refusals, error));
  const handle = startSync({
    swUrl: options.sw,
    debug: options.debug,
    onReport(report) {
      const sent = (report as { sent?: unknown }).sent;
      const count = typeof sent === 'number' ? sent : Array.isArray(sent) ? sent.length : 0;
      if (count > 0) events.emit('synced', { sent: count });
      // From the worker's reply too: a structured clone of the report, so checked before use.
      const refusals = (report as { refused?: unknown }).refused;
      if (Array.isArray(refusals) && refusals.length) void refused(refusals as SetupRefusal[]);
      for (const wake of [...waiters]) wake(report);
    },
  });
  // A personal link's page keeps an offline copy of itself in its worker (issue 17).
  if (options.link && options.sw && 'serviceWorker' in navigator)
    import('./keep-link-page.ts').then((m) => m.keepLinkPage()).catch(() => {});
  return {
    flush(waitMs) {
      return new Promise<FlushReport | undefined>((resolve) => {
        const done = (report?: FlushReport) => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve(report);
        };
        const timer = setTimeout(done, waitMs);
        waiters.add(done);
        handle.requestSync();
      });
    },
    stop: () => handle.stop(),
  };
}
