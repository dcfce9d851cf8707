import { SENSITIVE_FLAGS } from '../flags/flag.ts';
import type { StoredResponse } from '../storage/storage.ts';
import type { ReportOptions } from './report-options.ts';

export const MEASURES = ['responses', 'career_outcome', ...SENSITIVE_FLAGS] as const;
export type Measure = (typeof MEASURES)[number];

export type RawCounts = { rows: string[]; periods: string[]; cells: Record<Measure, number[][]> };

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
  const periods = by.period ? fillGaps(seen, by.period) : seen;
  const cells = Object.fromEntries(
    MEASURES.map((m) => [m, rows.map((row) => periods.map((p) => counts.get(row)?.get(p)?.[m] ?? 0))]),
  ) as Record<Measure, number[][]>;
  return { rows, periods, cells };
}

// A month or year with no response is a zero, not a missing column: time charts must not skip it.
function fillGaps(sorted: string[], unit: 'year' | 'month'): string[] {
  if (sorted.length === 0) return [];
  const out: string[] = [];
  const last = sorted[sorted.length - 1];
  let [y, m] = sorted[0].split('-').map(Number);
  for (let guard = 0; guard < 10_000; guard++) {
    const key = unit === 'year' ? String(y) : `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= last) break;
    if (unit === 'year') y++;
    else [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

export function previousYear(period: string): string {
  const [y, ...rest] = period.split('-');
  return [String(Number(y) - 1), ...rest].join('-');
}
