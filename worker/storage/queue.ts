import { createStore, delMany, entries, promisifyRequest, setMany, type UseStore } from 'idb-keyval';
import type { SurveyResponse } from '../protocol/index.ts';
import { OutboxUnavailableError } from './outbox-unavailable-error.ts';
import type { DeadLetter, Destination, QueuedItem } from './queued-item.ts';
import { readQueuedItem } from './read-queued-item.ts';

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

/**
 * Queued responses, oldest first (UUIDv7 keys sort by time). Only records this version can read:
 * the others wait for setAsideUnreadable, so one of them never stops the rest (issue 14, item 3).
 */
export async function pendingResponses(): Promise<QueuedItem[]> {
  return (await entries(db().queue)).flatMap(([key, value]) => {
    const read = readQueuedItem(key, value);
    return 'item' in read ? [read.item] : [];
  });
}

/**
 * Moves the queue records this version cannot read to the dead letters, kept as found with the
 * reason, so they are seen (pending(), deadLetters()), expire like any dead letter and never block
 * the queue. Resolves to how many were moved.
 */
export async function setAsideUnreadable(now: number): Promise<number> {
  const letters: [IDBValidKey, DeadLetter][] = [];
  for (const [key, value] of await entries(db().queue)) {
    const read = readQueuedItem(key, value);
    if ('item' in read) continue;
    const v = (typeof value === 'object' && value ? value : {}) as Partial<QueuedItem>;
    const text = (x: unknown) => (typeof x === 'string' ? x : undefined);
    const to = v.to && text(v.to.endpoint) && text(v.to.siteKey) ? v.to : undefined;
    letters.push([
      key,
      {
        id: String(key),
        code: 'unreadable-record',
        surveyId: text(v.response?.surveyId) ?? '(unknown)',
        ...(to ? { to } : {}),
        status: 0,
        errors: [
          {
            path: '(record)',
            message: `outbox record ${JSON.stringify(String(key))} cannot be read by this version (${read.reason}); it was set aside and expires like any dead letter`,
          },
        ],
        deadAt: now,
        ...(text(v.response?.learnerRef) ? { learnerRef: v.response?.learnerRef } : {}),
        record: value,
      },
    ]);
  }
  if (!letters.length) return 0;
  // Dead letter first (as moveToDeadLetters): a crash in between leaves both, never none.
  await setMany(
    letters.map(([, l]) => [l.id, l]),
    db().dead,
  );
  await delMany(
    letters.map(([key]) => key),
    db().queue,
  );
  return letters.length;
}

/** The dead letters, each under the key it is stored by (a tampered record's own id is not trusted). */
export async function deadLetters(): Promise<DeadLetter[]> {
  return (await entries<IDBValidKey, DeadLetter>(db().dead)).map(([key, value]) => ({
    ...(typeof value === 'object' && value ? value : ({} as DeadLetter)),
    id: String(key),
  }));
}

/** The learner withdraws: erases what is still on this device (queued and dead letters), for one learner or all. */
export async function eraseQueued(filter: { learnerRef?: string } = {}): Promise<number> {
  const mine = (ref: string | undefined) => filter.learnerRef === undefined || ref === filter.learnerRef;
  // Raw records, unreadable ones included: what a learner withdraws must go whatever its shape.
  const queued = (await entries(db().queue))
    .filter(([, v]) => mine((v as Partial<QueuedItem> | null)?.response?.learnerRef))
    .map(([key]) => key);
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
  const kept = letters.filter((d) => d.response && d.to);
  if (!kept.length) return;
  await setMany(
    kept.map((d): [string, QueuedItem] => [
      d.id,
      {
        response: d.response as SurveyResponse,
        to: d.to as Destination,
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
