import { SUMMARY_KEYS } from './bench-result.ts';
import type { Results } from './report-table.ts';

/**
 * latest.json's `summary`: every key of SUMMARY_KEYS, taken from the last successful run of the bench that writes
 * it, or null (with the key still present) when that bench was skipped, failed or has not written it yet.
 */
export function summaryOf(results: Results): Record<string, number | null> {
  const found: Record<string, number> = {};
  for (const record of Object.values(results.benches)) {
    if (record.status !== 'ok' || !record.summary) continue;
    for (const [key, value] of Object.entries(record.summary)) {
      if (typeof value === 'number' && Number.isFinite(value)) found[key] = value;
    }
  }
  return Object.fromEntries(SUMMARY_KEYS.map((key) => [key, found[key] ?? null]));
}
