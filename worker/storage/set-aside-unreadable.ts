import { delMany, entries, setMany } from 'idb-keyval';
import type { DeadLetter, QueuedItem } from './queued-item.ts';
import { readQueuedItem } from './read-queued-item.ts';
import { openStores } from './stores.ts';

/**
 * Moves the queue records this version cannot read to the dead letters, kept as found with the
 * reason, so they are seen (pending(), deadLetters()), expire like any dead letter and never block
 * the queue. Resolves to how many were moved.
 */
export async function setAsideUnreadable(now: number): Promise<number> {
  const { queue, dead } = openStores();
  const letters: [IDBValidKey, DeadLetter][] = [];
  for (const [key, value] of await entries(queue)) {
    const read = readQueuedItem(key, value);
    if ('item' in read) continue;
    const v = (typeof value === 'object' && value ? value : {}) as Partial<QueuedItem>;
    const text = (x: unknown) => (typeof x === 'string' ? x : undefined);
    const payload = v.response ?? v.event;
    const to = v.to && text(v.to.endpoint) && text(v.to.siteKey) ? v.to : undefined;
    letters.push([
      key,
      {
        id: String(key),
        code: 'unreadable-record',
        surveyId: text(payload?.surveyId) ?? '(unknown)',
        ...(to ? { to } : {}),
        status: 0,
        errors: [
          {
            path: '(record)',
            message: `outbox record ${JSON.stringify(String(key))} cannot be read by this version (${read.reason}); it was set aside and expires like any dead letter`,
          },
        ],
        deadAt: now,
        ...(text(payload?.learnerRef) ? { learnerRef: payload?.learnerRef } : {}),
        record: value,
      },
    ]);
  }
  if (!letters.length) return 0;
  // Dead letter first (as moveToDeadLetters): a crash in between leaves both, never none.
  await setMany(
    letters.map(([, l]) => [l.id, l]),
    dead,
  );
  await delMany(
    letters.map(([key]) => key),
    queue,
  );
  return letters.length;
}
