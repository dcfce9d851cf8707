import { createStore, delMany, promisifyRequest, setMany, type UseStore, values } from 'idb-keyval';
import type { SurveyResponse } from '../protocol/index.ts';
import { OutboxUnavailableError } from './outbox-unavailable-error.ts';
import type { DeadLetter, Destination, QueuedItem } from './queued-item.ts';

export { OutboxUnavailableError } from './outbox-unavailable-error.ts';
export type { DeadLetter, Destination, QueuedItem } from './queued-item.ts';

// idb-keyval's createStore makes one object store per database, hence one database per store.
// Opened on first use, so importing this module touches nothing.
let stores: { queue: UseStore; dead: UseStore; meta: UseStore } | undefined;
function db() {
  stores ??= {
    queue: createStore('outcome-survey-outbox', 'queue'),
    dead: createStore('outcome-survey-dead-letters', 'dead'),
    meta: createStore('outcome-survey-meta', 'meta'),
  };
  return stores;
}

let persistenceAsked = false;

/** Writes the response to the queue; resolves once it is on disk. The id is the key, so re-queueing is harmless. */
export async function enqueue(response: SurveyResponse, to: Destination, now: number = Date.now()): Promise<void> {
  const item: QueuedItem = { response, to, queuedAt: now, attempts: 0, nextAttemptAt: now };
  try {
    if (typeof indexedDB === 'undefined') throw new Error('indexedDB is not defined');
    await setMany([[response.id, item]], db().queue);
  } catch (err) {
    throw new OutboxUnavailableError(err);
  }
  askPersistence();
}

/** Queued responses, oldest first (UUIDv7 keys sort by time). */
export async function pendingResponses(): Promise<QueuedItem[]> {
  return values<QueuedItem>(db().queue);
}

export async function deadLetters(): Promise<DeadLetter[]> {
  return values<DeadLetter>(db().dead);
}

/** The learner withdraws: erases what is still on this device (queued and dead letters), for one learner or all. */
export async function eraseQueued(filter: { learnerRef?: string } = {}): Promise<number> {
  const mine = (ref: string | undefined) => filter.learnerRef === undefined || ref === filter.learnerRef;
  const queued = (await pendingResponses()).filter((i) => mine(i.response.learnerRef)).map((i) => i.response.id);
  const dead = (await deadLetters()).filter((d) => mine(d.learnerRef)).map((d) => d.id);
  await delMany(queued, db().queue);
  await delMany(dead, db().dead);
  return queued.length + dead.length;
}

/** Acknowledged or expired: gone from the device, the only copy. */
export async function removeQueued(ids: string[]): Promise<void> {
  if (ids.length) await delMany(ids, db().queue);
}

/** Updates only items still queued, so a response erased meanwhile is not brought back. */
export async function reschedule(
  changes: { id: string; attempts: number; nextAttemptAt: number; lastError?: string }[],
): Promise<void> {
  if (!changes.length) return;
  await db().queue('readwrite', (store) => {
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

// Written before the queue entry is deleted: a crash in between leaves the item queued, and
// sending it again ends in the same dead letter (same key), never in a loss.
export async function moveToDeadLetters(letters: DeadLetter[]): Promise<void> {
  if (!letters.length) return;
  await setMany(
    letters.map((l) => [l.id, l]),
    db().dead,
  );
  await removeQueued(letters.map((l) => l.id));
}

/**
 * Dead letters that kept their response (a whole batch refused: site key, origin, media type), back
 * in the queue to be sent again now. The queue entry is written first (same key), so a crash in
 * between leaves both copies, never none.
 */
export async function requeueDeadLetters(letters: DeadLetter[], now: number): Promise<void> {
  const kept = letters.filter((d) => d.response);
  if (!kept.length) return;
  await setMany(
    kept.map((d): [string, QueuedItem] => [
      d.id,
      {
        response: d.response as SurveyResponse,
        to: d.to,
        queuedAt: d.queuedAt ?? d.deadAt,
        attempts: 0,
        nextAttemptAt: now,
        lastError: `sent again after HTTP ${d.status}`,
      },
    ]),
    db().queue,
  );
  await removeDeadLetters(kept.map((d) => d.id));
}

export async function removeDeadLetters(ids: string[]): Promise<void> {
  if (ids.length) await delMany(ids, db().dead);
}

type Lease = { owner: string; expiresAt: number };

/** Fallback for the Web Locks API: a lease record, taken in one IndexedDB transaction so two tabs cannot both win. */
export async function takeLease(owner: string, now: number, ttlMs: number): Promise<boolean> {
  return db().meta('readwrite', (store) => {
    const read = store.get('flush-lease');
    let won = false;
    read.onsuccess = () => {
      const lease = read.result as Lease | undefined;
      if (lease && lease.owner !== owner && lease.expiresAt > now) return;
      won = true;
      store.put({ owner, expiresAt: now + ttlMs } satisfies Lease, 'flush-lease');
    };
    return promisifyRequest(store.transaction).then(() => won);
  });
}

export async function releaseLease(owner: string): Promise<void> {
  await db().meta('readwrite', (store) => {
    const read = store.get('flush-lease');
    read.onsuccess = () => {
      if ((read.result as Lease | undefined)?.owner === owner) store.delete('flush-lease');
    };
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
