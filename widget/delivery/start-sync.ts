import type { Workbox } from 'workbox-window';
import { flush } from '../../worker/delivery/flush.ts';
import type { FlushOptions } from '../../worker/delivery/flush-options.ts';
import type { FlushReport } from '../../worker/delivery/flush-report.ts';
import { FLUSH_MESSAGE, SYNC_TAG } from '../../worker/sw/sync-names.ts';
import { debugLog } from '../core/debug-log.ts';

export type SyncOptions = {
  /** The host's copy of dist/outcome-survey-sw.js; without it the page drains the queue itself. */
  swUrl?: string;
  /** Ignored: logging follows widget/core/debug-log.ts, which the widget turns on for data-debug. */
  debug?: boolean;
  onReport?(report: FlushReport): void;
  /** Passed to flush() when the page drains the queue itself. */
  flushOptions?: Omit<FlushOptions, 'ignoreBackoff'>;
};

export type SyncHandle = { requestSync(): Promise<void>; stop(): void };

const MESSAGE_TIMEOUT_MS = 15_000;
const MIN_TIMER_MS = 1_000;
const MAX_TIMER_MS = 60 * 60 * 1000;

/**
 * Asks for the queue to be drained: by the service worker when there is one, by
 * the page otherwise (or when the worker does not answer). Also on `online`, when
 * the page becomes visible, once now, and again when the report says the next
 * item is due. Every path ends in the same locked flush(), so they never overlap.
 */
export function startSync(opts: SyncOptions = {}): SyncHandle {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // One page-wide switch (data-debug on any survey), so a later init() without it goes quiet here too.
  const log = debugLog;
  const worker =
    opts.swUrl && typeof navigator !== 'undefined' && 'serviceWorker' in navigator
      ? registerWorker(opts.swUrl, log)
      : undefined;

  async function run(ignoreBackoff = false): Promise<void> {
    if (stopped) return;
    const wb = await worker;
    log('sync attempt', wb ? 'by the service worker' : 'by the page');
    let report = wb ? await askWorker(ignoreBackoff, log) : undefined;
    if (!report) {
      report = await flush({ ...opts.flushOptions, ignoreBackoff }).catch((err: unknown) => {
        log('flush failed', err);
        return undefined;
      });
    }
    if (!report || stopped) return;
    // Left-overs: Background Sync (Chromium) wakes the worker when the connection returns, even with the page closed.
    if (wb && report.nextAttemptAt !== undefined) void registerBackgroundSync();
    log('flush', report);
    opts.onReport?.(report);
    clearTimeout(timer);
    if (report.nextAttemptAt !== undefined) {
      const wait = Math.min(MAX_TIMER_MS, Math.max(MIN_TIMER_MS, report.nextAttemptAt - Date.now()));
      timer = setTimeout(() => void run(), wait);
    }
  }

  // Back online: backoffs were computed while the network was down, so everything is worth one try.
  const onOnline = () => void run(true);
  const onVisible = () => document.visibilityState === 'visible' && void run();
  globalThis.addEventListener?.('online', onOnline);
  globalThis.document?.addEventListener('visibilitychange', onVisible);
  void run();

  return {
    requestSync: () => run(),
    stop() {
      stopped = true;
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.document?.removeEventListener('visibilitychange', onVisible);
    },
  };
}

async function registerWorker(swUrl: string, log: (...args: unknown[]) => void): Promise<Workbox | undefined> {
  try {
    const { Workbox } = await import('workbox-window');
    const wb = new Workbox(swUrl);
    const registration = await wb.register();
    log('service worker registered', registration?.scope);
    return wb;
  } catch (err) {
    log('service worker unavailable, the page drains the queue itself', err);
    return undefined;
  }
}

async function registerBackgroundSync(): Promise<void> {
  try {
    const ready = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
      sync?: { register(tag: string): Promise<void> };
    };
    await ready.sync?.register(SYNC_TAG);
  } catch {
    // Not granted or not supported: the page's own triggers still apply.
  }
}

// workbox-window's Workbox#messageSW waits for a worker that controls this page or that
// this instance installed; a host's own worker that does not call clients.claim() is
// neither on the first visit, so the message goes to the active worker of the page's scope.
async function askWorker(ignoreBackoff: boolean, log: (...args: unknown[]) => void): Promise<FlushReport | undefined> {
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<undefined>((resolve) => {
    timeout = setTimeout(() => resolve(undefined), MESSAGE_TIMEOUT_MS);
  });
  const ask = async () => {
    const { messageSW } = await import('workbox-window');
    const active = (await navigator.serviceWorker.ready).active;
    return active
      ? ((await messageSW(active, { type: FLUSH_MESSAGE, ignoreBackoff })) as FlushReport | { error: string })
      : undefined;
  };
  try {
    const reply = await Promise.race([ask(), gaveUp]);
    if (reply && !('error' in reply)) return reply;
    log('the service worker did not flush', reply);
  } catch (err) {
    log('the service worker did not answer', err);
  } finally {
    clearTimeout(timeout);
  }
  return undefined;
}
