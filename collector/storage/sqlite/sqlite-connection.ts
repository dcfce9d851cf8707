import Database from 'better-sqlite3';

/**
 * One connection to the collector's SQLite file with the settings every connection needs: the storage's own and
 * its write thread's (sqlite-write-worker.ts). bench/direct-insert.ts reads the pragmas from this file, so the
 * ingest bench's limit runs with exactly these.
 */
export function openSqlite(path: string, { cacheKib }: { cacheKib?: number | undefined } = {}): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // A request acknowledged is on disk: in WAL mode NORMAL may lose the last commits on a
  // power cut (not on a process crash); FULL syncs the WAL at each commit. Concurrent requests
  // share a commit (group-commit.ts), so the cost is at most one fsync per request.
  db.pragma('synchronous = FULL');
  // Several connections on one file (the write thread, a CLI export beside the server) wait instead of failing.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  if (cacheKib !== undefined) db.pragma(`cache_size = -${Math.round(cacheKib)}`);
  return db;
}
