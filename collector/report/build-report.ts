import type { Report, ReportCell, ReportTable, YearOverYear } from '../../protocol/index.ts';
import { SENSITIVE_FLAGS } from '../flags/flag.ts';
import type { StoredResponse } from '../storage/storage.ts';
import { countResponses, MAX_GAP, MEASURES, type Measure, previousYear, type RawCounts } from './count-responses.ts';
import {
  type DisclosureRules,
  type PublishedCount,
  type PublishedTable,
  publishedPercent,
  suppressTable,
} from './disclosure-control.ts';
import type { ReportOptions } from './report-options.ts';

export type { Report, ReportCell, ReportTable, YearOverYear };

const NOTES = [
  'Counts are rounded to the nearest multiple of roundTo; totals are rounded from exact sums, so rounded cells need not add up.',
  'A null count is suppressed: below_k (fewer than minCell), dominant (all but fewer than minCell of the base have a sensitive attribute), or complementary (hidden so another cannot be recomputed from totals).',
  'Percentages are of all responses in the cell, computed from the published (rounded) counts, whole numbers, and only on a published base of at least minPercentBase. A flag counts only when true: unknown is never counted as false.',
  'Date filters are whole months (from and to, both included), so two reports never differ by a single day.',
];

/** Aggregates with disclosure control applied: nothing leaves this function that breaks the rules. */
export async function buildReport(
  survey: string,
  responses: AsyncIterable<StoredResponse>,
  opts: ReportOptions,
  rules: DisclosureRules,
  now = new Date(),
): Promise<Report> {
  const raw = await countResponses(responses, opts.by);
  const responsesTable = suppressTable({ cells: raw.cells.responses }, rules);
  const tables = {} as Record<Measure, ReportTable>;
  for (const m of MEASURES) {
    if (m === 'responses') {
      tables[m] = responsesTable;
      continue;
    }
    const bases = SENSITIVE_FLAGS.includes(m) ? { cells: raw.cells.responses } : undefined;
    tables[m] = withPercents(suppressTable({ cells: raw.cells[m] }, rules, bases), responsesTable, rules);
  }
  const by: Report['by'] = [
    ...(opts.by.country ? (['country'] as const) : []),
    ...(opts.by.period ? [opts.by.period] : []),
  ];
  return {
    survey,
    generatedAt: now.toISOString(),
    by,
    rules,
    rows: raw.rows,
    periods: raw.periods,
    measures: [...MEASURES],
    tables,
    yearOverYear: opts.by.period ? yearOverYear(raw, tables.any_underserved) : [],
    notes: raw.unlistedGaps ? [...NOTES, gapNote(raw.unlistedGaps, opts.by.period)] : NOTES,
  };
}

function withPercents(t: PublishedTable, base: PublishedTable, rules: DisclosureRules): ReportTable {
  const pct = (c: PublishedCount, b: PublishedCount): ReportCell => ({ ...c, percent: publishedPercent(c, b, rules) });
  return {
    cells: t.cells.map((row, r) => row.map((cell, c) => pct(cell, base.cells[r][c]))),
    rowTotals: t.rowTotals.map((cell, r) => pct(cell, base.rowTotals[r])),
    colTotals: t.colTotals.map((cell, c) => pct(cell, base.colTotals[c])),
    total: pct(t.total, base.total),
  };
}

const gapNote = (runs: number, unit: 'year' | 'month' | undefined) =>
  `${runs} run(s) of more than ${unit === 'year' ? MAX_GAP.year : MAX_GAP.month} empty ${unit}s are left out of periods rather than listed as zeros: a response dated far from the rest (often a wrong device clock) sits alone beyond each.`;

// Computed from published values only, so the change reveals nothing the table does not.
function yearOverYear(raw: RawCounts, t: ReportTable): YearOverYear[] {
  const lines: { row: string; cells: ReportCell[] }[] = [
    ...raw.rows.map((row, r) => ({ row, cells: t.cells[r] })),
    ...(raw.rows.length > 1 ? [{ row: 'all', cells: t.colTotals }] : []),
  ];
  const out: YearOverYear[] = [];
  for (const { row, cells } of lines) {
    raw.periods.forEach((period, c) => {
      const p = raw.periods.indexOf(previousYear(period));
      if (p < 0) return;
      const [now, before] = [cells[c], cells[p]];
      const changePercent =
        now.count !== null && before.count !== null && before.count > 0
          ? Math.round((100 * (now.count - before.count)) / before.count)
          : null;
      const share = now.percent ?? null;
      const previousShare = before.percent ?? null;
      const changePoints = share !== null && previousShare !== null ? share - previousShare : null;
      out.push({
        row,
        period,
        previous: raw.periods[p],
        underserved: now.count,
        previousUnderserved: before.count,
        changePercent,
        share,
        previousShare,
        changePoints,
      });
    });
  }
  return out;
}
