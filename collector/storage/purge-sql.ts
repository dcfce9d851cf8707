import { sortTime } from './sort-time.ts';

/** Responses deleted per transaction: a first purge of years of rows never holds the write lock for long. */
export const PURGE_BATCH = 1000;

/**
 * The WHERE condition for responses past retention, over the `responses` table. A response goes
 * when submitted before the cutoff (device clock) or received before it (the collector's clock):
 * a device whose clock runs years ahead must not keep its answers past the promised limit.
 * `receivedCollation` is ' COLLATE "C"' on PostgreSQL, so timestamps compare byte by byte as in SQLite.
 */
export function purgeCondition(cutoffIso: string, param: (value: unknown) => string, receivedCollation = ''): string {
  const cutoff = sortTime(cutoffIso, 'purge cutoff');
  // received_at is written by the collector as Date#toISOString(): millisecond precision.
  const received = `${cutoff.slice(0, 23)}Z`;
  return `(submitted_at < ${param(cutoff)} OR received_at${receivedCollation} < ${param(received)})`;
}
