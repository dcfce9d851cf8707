import { createStore, type UseStore } from 'idb-keyval';

export type Stores = { queue: UseStore; dead: UseStore; meta: UseStore; drafts: UseStore };

let stores: Stores | undefined;

/**
 * The IndexedDB stores: the outbox's three, and the drafts of personal links (drafts.ts). idb-keyval's createStore makes one object store per
 * database, hence one database per store. Opened on first use, so importing a storage module
 * touches nothing.
 */
export function openStores(): Stores {
  stores ??= {
    queue: createStore('outcome-survey-outbox', 'queue'),
    dead: createStore('outcome-survey-dead-letters', 'dead'),
    meta: createStore('outcome-survey-meta', 'meta'),
    drafts: createStore('outcome-survey-drafts', 'drafts'),
  };
  return stores;
}
