import type Database from 'better-sqlite3';
import { checkDay, rejectionEntries } from '../rejection-args.ts';
import type { RejectionCount } from '../storage.ts';

/** Adds one request's rejections to the day's counts, in one transaction. */
export function sqliteCountRejections(
  db: Database.Database,
  day: string,
  siteKey: string,
  counts: Record<string, number>,
): void {
  checkDay(day, 'day');
  const entries = rejectionEntries(counts);
  if (entries.length === 0) return;
  const upsert = db.prepare(`INSERT INTO rejections_daily (day, site_key, reason_code, count) VALUES (?, ?, ?, ?)
    ON CONFLICT (day, site_key, reason_code) DO UPDATE SET count = count + excluded.count`);
  db.transaction(() => {
    for (const [reason, n] of entries) upsert.run(day, siteKey, reason, n);
  }).immediate();
}

export function sqliteRejectionsByDay(db: Database.Database, from?: string, to?: string): RejectionCount[] {
  checkDay(from, 'from');
  checkDay(to, 'to');
  return db
    .prepare<[{ from: string | null; to: string | null }], RejectionCount>(
      `SELECT day, site_key AS siteKey, reason_code AS reason, count FROM rejections_daily
       WHERE (@from IS NULL OR day >= @from) AND (@to IS NULL OR day < @to) ORDER BY day, site_key, reason_code`,
    )
    .all({ from: from ?? null, to: to ?? null });
}
