import { createStore, type UseStore } from 'idb-keyval';

export type Stores = { queue: UseStore; dead: UseStore; meta: UseStore };

let stores: Stores | undefined;

/**
 * The three IndexedDB stores of the outbox. idb-keyval's createStore makes one object store per
 * database, hence one database per store. Opened on first use, so importing a storage module
 * touches nothing.
 */
export function openStores(): Stores {
  stores ??= {
    queue: createStore('outcome-survey-outbox', 'queue'),
    dead: createStore('outcome-survey-dead-letters', 'dead'),
    meta: createStore('outcome-survey-meta', 'meta'),
  };
  return stores;
}
