import { delMany, entries } from 'idb-keyval';
import { deadLetters } from './dead-letters.ts';
import type { QueuedItem } from './queued-item.ts';
import { openStores } from './stores.ts';

/** The learner withdraws: erases what is still on this device (queued and dead letters), for one learner or all. */
export async function eraseQueued(filter: { learnerRef?: string } = {}): Promise<number> {
  const { queue, dead } = openStores();
  const mine = (ref: string | undefined) => filter.learnerRef === undefined || ref === filter.learnerRef;
  // Raw records, unreadable ones included: what a learner withdraws must go whatever its shape.
  const queued = (await entries(queue))
    .filter(([, v]) => {
      const record = v as Partial<QueuedItem> | null;
      return mine((record?.response ?? record?.event)?.learnerRef);
    })
    .map(([key]) => key);
  const letters = (await deadLetters()).filter((d) => mine(d.learnerRef)).map((d) => d.id);
  await delMany(queued, queue);
  await delMany(letters, dead);
  return queued.length + letters.length;
}
