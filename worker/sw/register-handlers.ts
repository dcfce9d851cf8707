import type { FlushOptions } from '../delivery/flush-options.ts';
import type { FlushReport } from '../delivery/flush-report.ts';
import { serialFlush } from '../delivery/serial-flush.ts';
import { FLUSH_MESSAGE, SYNC_TAG } from './sync-names.ts';

export { FLUSH_MESSAGE, SYNC_TAG };

// Structural types rather than ServiceWorkerGlobalScope, so the module also type-checks
// where the DOM lib is loaded (tests, a host's bundler). Background Sync's SyncEvent is
// in neither lib (https://wicg.github.io/background-sync/spec/).
type Extendable = { waitUntil(promise: Promise<unknown>): void };
type SyncEvent = Extendable & { tag: string };
type FlushMessageEvent = Extendable & { data: unknown; ports: readonly { postMessage(data: unknown): void }[] };
export type WorkerScope = { addEventListener(type: string, listener: (event: Event) => void): void };

/**
 * Makes a service worker drain the outbox: on Background Sync, on a message from
 * the page (the reply goes to the MessagePort, which is what workbox-window's
 * messageSW waits for), on activate, and right away when the worker starts.
 * For hosts that already have a worker: call this from it (see README-embedding.md).
 */
export function registerOutcomeSurveyHandlers(scope: WorkerScope, opts: FlushOptions = {}): void {
  const flush = serialFlush(opts);
  scope.addEventListener('sync', (event) => {
    const sync = event as unknown as SyncEvent;
    if (sync.tag !== SYNC_TAG) return;
    // Rejecting tells the browser to fire the sync again later, with its own backoff: so while anything
    // is still queued (failed now, or waiting for its next attempt after an earlier failure).
    sync.waitUntil(
      flush().then((r) => {
        if (r.retried || r.nextAttemptAt !== undefined)
          throw new Error(
            `outcome-survey: ${r.retried ? `${r.retried} responses could not be delivered yet` : 'responses wait for their next attempt'}`,
          );
      }),
    );
  });
  scope.addEventListener('message', (event) => {
    const message = event as unknown as FlushMessageEvent;
    const data = message.data as { type?: unknown; ignoreBackoff?: boolean } | null;
    if (data?.type !== FLUSH_MESSAGE) return;
    const reply = (r: unknown) => message.ports[0]?.postMessage(r);
    message.waitUntil(
      flush({ ignoreBackoff: data.ignoreBackoff }).then(reply, (err: unknown) => reply({ error: String(err) })),
    );
  });
  scope.addEventListener('activate', (event) => (event as unknown as Extendable).waitUntil(flush().catch(() => {})));
  // A worker starts for many reasons (a push, a sync, a navigation): each start is a chance to deliver.
  // Not waited on by any event, but safe to cut short: an unacknowledged item stays queued.
  flush().catch(() => {});
}

export type { FlushReport };
