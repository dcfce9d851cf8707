import { SENSITIVE_FLAGS } from '../flags/flag.ts';
import type { StoredResponse } from '../storage/storage.ts';
import type { ReportOptions } from './report-options.ts';

export const MEASURES = ['responses', 'career_outcome', ...SENSITIVE_FLAGS] as const;
export type Measure = (typeof MEASURES)[number];

export type RawCounts = {
  rows: string[];
  periods: string[];
  cells: Record<Measure, number[][]>;
  /** Runs of more than MAX_GAP empty periods left out of `periods`. */
  unlistedGaps: number;
};

const ALL = 'all';

/** One pass over the responses, keeping only a count per (row, period, measure): memory grows with cells, not rows. */
export async function countResponses(
  responses: AsyncIterable<StoredResponse>,
  by: ReportOptions['by'],
): Promise<RawCounts> {
  const counts = new Map<string, Map<string, Record<string, number>>>();
  for await (const r of responses) {
    const row = by.country ? (r.country ?? 'unknown') : ALL;
    const period =
      by.period === 'year' ? r.submittedAt.slice(0, 4) : by.period === 'month' ? r.submittedAt.slice(0, 7) : ALL;
    const byPeriod = counts.get(row) ?? new Map<string, Record<string, number>>();
    counts.set(row, byPeriod);
    const c = byPeriod.get(period) ?? {};
    byPeriod.set(period, c);
    c.responses = (c.responses ?? 0) + 1;
    for (const m of MEASURES) if (m !== 'responses' && r.flags[m]?.value === true) c[m] = (c[m] ?? 0) + 1;
  }
  const rows = [...counts.keys()].sort();
  const seen = [...new Set([...counts.values()].flatMap((m) => [...m.keys()]))].sort();
  const { periods, unlisted } = by.period ? fillGaps(seen, by.period) : { periods: seen, unlisted: 0 };
  const cells = Object.fromEntries(
    MEASURES.map((m) => [m, rows.map((row) => periods.map((p) => counts.get(row)?.get(p)?.[m] ?? 0))]),
  ) as Record<Measure, number[][]>;
  return { rows, periods, cells, unlistedGaps: unlisted };
}

/** The longest run of empty periods listed as zeros: ten years, of months or of years. */
export const MAX_GAP = { month: 120, year: 10 } as const;

// A month or year with no response is a zero, not a missing column: time charts must not skip it. A longer run of
// empty periods (one response from a wrong clock, stored before ingest bounded submittedAt) is left out rather than
// listed, so the report stays bounded by the periods that hold responses whatever is stored.
function fillGaps(sorted: string[], unit: 'year' | 'month'): { periods: string[]; unlisted: number } {
  const out: string[] = [];
  let unlisted = 0;
  for (const key of sorted) {
    const prev = out.length ? ordinal(out[out.length - 1], unit) : undefined;
    const gap = prev === undefined ? 0 : ordinal(key, unit) - prev - 1;
    if (prev !== undefined && gap <= MAX_GAP[unit]) for (let i = 1; i <= gap; i++) out.push(periodOf(prev + i, unit));
    else if (gap > 0) unlisted++;
    out.push(key);
  }
  return { periods: out, unlisted };
}

// Periods are "YYYY" or "YYYY-MM" (zero-padded, as in ISO 8601), so string order is time order.
const ordinal = (period: string, unit: 'year' | 'month') => {
  const [y, m] = period.split('-').map(Number);
  return unit === 'year' ? y : y * 12 + (m - 1);
};
const periodOf = (n: number, unit: 'year' | 'month') =>
  unit === 'year'
    ? String(n).padStart(4, '0')
    : `${String(Math.floor(n / 12)).padStart(4, '0')}-${String((n % 12) + 1).padStart(2, '0')}`;

export function previousYear(period: string): string {
  const [y, ...rest] = period.split('-');
  return [String(Number(y) - 1).padStart(4, '0'), ...rest].join('-');
}
