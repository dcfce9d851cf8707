import { promisifyRequest } from 'idb-keyval';
import { openStores } from './stores.ts';

type Lease = { owner: string; expiresAt: number };

const LEASE_KEY = 'flush-lease';

/** Fallback for the Web Locks API: a lease record, taken in one IndexedDB transaction so two tabs cannot both win. */
export async function takeLease(owner: string, now: number, ttlMs: number): Promise<boolean> {
  return openStores().meta('readwrite', (store) => {
    const read = store.get(LEASE_KEY);
    let won = false;
    read.onsuccess = () => {
      const lease = read.result as Lease | undefined;
      if (lease && lease.owner !== owner && lease.expiresAt > now) return;
      won = true;
      store.put({ owner, expiresAt: now + ttlMs } satisfies Lease, LEASE_KEY);
    };
    return promisifyRequest(store.transaction).then(() => won);
  });
}

export async function releaseLease(owner: string): Promise<void> {
  await openStores().meta('readwrite', (store) => {
    const read = store.get(LEASE_KEY);
    read.onsuccess = () => {
      if ((read.result as Lease | undefined)?.owner === owner) store.delete(LEASE_KEY);
    };
    return promisifyRequest(store.transaction);
  });
}
