import { delMany, entries, promisifyRequest, setMany } from 'idb-keyval';
import type { ContactEvent } from '../../protocol/contact-event.ts';
import type { SurveyResponse } from '../../protocol/index.ts';
import { OutboxUnavailableError } from './outbox-unavailable-error.ts';
import type { Destination, QueuedItem } from './queued-item.ts';
import { readQueuedItem } from './read-queued-item.ts';
import { openStores } from './stores.ts';

let persistenceAsked = false;

/** Writes the response to the queue; resolves once it is on disk. The id is the key, so re-queueing is harmless. */
export function enqueue(response: SurveyResponse, to: Destination, now: number = Date.now()): Promise<void> {
  return put(response.id, { response, to, queuedAt: now, attempts: 0, nextAttemptAt: now });
}

/** A contact event goes into the same queue as the responses, under its own id, delivered by the same policy. */
export function enqueueEvent(event: ContactEvent, to: Destination, now: number = Date.now()): Promise<void> {
  return put(event.id, { event, to, queuedAt: now, attempts: 0, nextAttemptAt: now });
}

async function put(id: string, item: QueuedItem): Promise<void> {
  try {
    if (typeof indexedDB === 'undefined') throw new Error('indexedDB is not defined');
    await setMany([[id, item]], openStores().queue);
  } catch (err) {
    throw new OutboxUnavailableError(err);
  }
  askPersistence();
}

/**
 * Queued responses and contact events, oldest first (UUIDv7 keys sort by time). Only records this version can read:
 * the others wait for setAsideUnreadable, so one of them never stops the rest (issue 14, item 3).
 */
export async function pendingResponses(): Promise<QueuedItem[]> {
  return (await entries(openStores().queue)).flatMap(([key, value]) => {
    const read = readQueuedItem(key, value);
    return 'item' in read ? [read.item] : [];
  });
}

/** Acknowledged or expired: gone from the device, the only copy. */
export async function removeQueued(ids: string[]): Promise<void> {
  if (ids.length) await delMany(ids, openStores().queue);
}

/** Updates only items still queued, so a response erased meanwhile is not brought back. */
export async function reschedule(
  changes: { id: string; attempts: number; nextAttemptAt: number; lastError?: string }[],
): Promise<void> {
  if (!changes.length) return;
  await openStores().queue('readwrite', (store) => {
    for (const c of changes) {
      const read = store.get(c.id);
      read.onsuccess = () => {
        if (read.result)
          store.put(
            { ...read.result, attempts: c.attempts, nextAttemptAt: c.nextAttemptAt, lastError: c.lastError },
            c.id,
          );
      };
    }
    return promisifyRequest(store.transaction);
  });
}

function askPersistence(): void {
  if (persistenceAsked) return;
  persistenceAsked = true;
  // Window-only API (not in workers); best effort, the queue works without it.
  const storage = (globalThis.navigator as { storage?: { persist?: () => Promise<boolean> } } | undefined)?.storage;
  storage?.persist?.().catch(() => {});
}
