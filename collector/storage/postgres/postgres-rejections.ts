import type pg from 'pg';
import { checkDay, rejectionEntries } from '../rejection-args.ts';
import type { RejectionCount } from '../storage.ts';

/** Adds one request's rejections to the day's counts in one statement, safe beside other instances doing the same. */
export async function postgresCountRejections(
  pool: pg.Pool,
  day: string,
  siteKey: string,
  counts: Record<string, number>,
): Promise<void> {
  checkDay(day, 'day');
  const entries = rejectionEntries(counts);
  if (entries.length === 0) return;
  await pool.query(
    `INSERT INTO rejections_daily (day, site_key, reason_code, count)
     SELECT $1::date, $2, reason, n FROM unnest($3::text[], $4::int[]) AS t(reason, n)
     ON CONFLICT (day, site_key, reason_code) DO UPDATE SET count = rejections_daily.count + EXCLUDED.count`,
    [day, siteKey, entries.map(([reason]) => reason), entries.map(([, n]) => n)],
  );
}

export async function postgresRejectionsByDay(pool: pg.Pool, from?: string, to?: string): Promise<RejectionCount[]> {
  checkDay(from, 'from');
  checkDay(to, 'to');
  // day::text: pg would otherwise turn a date into a Date at local midnight, shifting it by the server's time zone.
  const { rows } = await pool.query<RejectionCount>(
    `SELECT day::text AS day, site_key AS "siteKey", reason_code AS reason, count FROM rejections_daily
     WHERE ($1::date IS NULL OR day >= $1::date) AND ($2::date IS NULL OR day < $2::date)
     ORDER BY day, site_key, reason_code`,
    [from ?? null, to ?? null],
  );
  return rows;
}
