import type { InsertStatus } from './storage.ts';

/** What idempotent insertion needs of a record: responses and contact events alike. */
type Identified = { id: string; contentHash: string };

/**
 * The first record of each id, sorted by id. Inserting in one global order means two
 * instances writing overlapping batches wait on each other instead of deadlocking.
 */
export function firstOfEachId<T extends Identified>(records: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const r of records) if (!seen.has(r.id)) seen.set(r.id, r);
  return [...seen.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * One status per record, in order: accepted for the record that was inserted, duplicate
 * when the stored content hash matches, conflict otherwise (the stored one is untouched).
 * `storedHash` holds the content hash now stored for every id in the batch; `spent` the ids the revision rule refused.
 */
export function insertStatuses(
  records: readonly Identified[],
  inserted: ReadonlySet<string>,
  storedHash: ReadonlyMap<string, string>,
  spent: ReadonlySet<string> = new Set(),
): InsertStatus[] {
  const claimed = new Set<string>();
  return records.map((r) => {
    if (spent.has(r.id)) return 'spent';
    if (inserted.has(r.id) && !claimed.has(r.id)) {
      claimed.add(r.id);
      return 'accepted';
    }
    return storedHash.get(r.id) === r.contentHash ? 'duplicate' : 'conflict';
  });
}
