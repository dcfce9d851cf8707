import type Database from 'better-sqlite3';
import { PURGE_BATCH, purgeCondition } from '../purge-sql.ts';

/** Deletes responses past the cutoff, and their sensitive rows, a batch per transaction; returns how many. */
export async function sqlitePurge(db: Database.Database, cutoffIso: string): Promise<number> {
  const params: unknown[] = [];
  const condition = purgeCondition(cutoffIso, (v) => {
    params.push(v);
    return '?';
  });
  const pick = db
    .prepare<unknown[], string>(`SELECT id FROM responses WHERE ${condition} LIMIT ${PURGE_BATCH}`)
    .pluck();
  // Explicit, not left to ON DELETE CASCADE: that holds only while PRAGMA foreign_keys is on.
  const dropSensitive = db.prepare(
    'DELETE FROM sensitive_answers WHERE response_id IN (SELECT value FROM json_each(?))',
  );
  const dropResponses = db.prepare('DELETE FROM responses WHERE id IN (SELECT value FROM json_each(?))');
  const purgeBatch = db.transaction(() => {
    const ids = JSON.stringify(pick.all(...params));
    dropSensitive.run(ids);
    return dropResponses.run(ids).changes;
  });
  let total = 0;
  for (;;) {
    const n = purgeBatch.immediate();
    total += n;
    if (n < PURGE_BATCH) return total;
    // The one connection is shared with every request: let the waiting ones run between batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
