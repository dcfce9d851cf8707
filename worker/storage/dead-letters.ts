import { delMany, entries, setMany } from 'idb-keyval';
import type { ContactEvent } from '../../protocol/contact-event.ts';
import type { SurveyResponse } from '../../protocol/index.ts';
import { removeQueued } from './queue.ts';
import type { DeadLetter, Destination, QueuedItem } from './queued-item.ts';
import { openStores } from './stores.ts';

/** The dead letters, each under the key it is stored by (a tampered record's own id is not trusted). */
export async function deadLetters(): Promise<DeadLetter[]> {
  return (await entries<IDBValidKey, DeadLetter>(openStores().dead)).map(([key, value]) => ({
    ...(typeof value === 'object' && value ? value : ({} as DeadLetter)),
    id: String(key),
  }));
}

// Written before the queue entry is deleted: a crash in between leaves the item queued, and
// sending it again ends in the same dead letter (same key), never in a loss.
export async function moveToDeadLetters(letters: DeadLetter[]): Promise<void> {
  if (!letters.length) return;
  await setMany(
    letters.map((l) => [l.id, l]),
    openStores().dead,
  );
  await removeQueued(letters.map((l) => l.id));
}

/**
 * Dead letters that kept their response (a whole batch refused: site key, origin, media type), back
 * in the queue to be sent again now. The queue entry is written first (same key), so a crash in
 * between leaves both copies, never none.
 */
export async function requeueDeadLetters(letters: DeadLetter[], now: number): Promise<void> {
  const kept = letters.filter((d) => (d.response || d.event) && d.to);
  if (!kept.length) return;
  await setMany(
    kept.map((d): [string, QueuedItem] => [
      d.id,
      {
        ...((d.response ? { response: d.response } : { event: d.event }) as
          | { response: SurveyResponse }
          | { event: ContactEvent }),
        to: d.to as Destination,
        queuedAt: d.queuedAt ?? d.deadAt,
        attempts: 0,
        nextAttemptAt: now,
        lastError: `sent again after HTTP ${d.status}`,
      },
    ]),
    openStores().queue,
  );
  await removeDeadLetters(kept.map((d) => d.id));
}

export async function removeDeadLetters(ids: string[]): Promise<void> {
  if (ids.length) await delMany(ids, openStores().dead);
}
