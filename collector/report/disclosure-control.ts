import type { DisclosureRules, Suppression } from '../../protocol/index.ts';

export type { DisclosureRules, Suppression };

export type PublishedCount = { count: number | null; suppressed?: Suppression };

/** Raw counts of one measure: cells[row][col]; the margins are the sums. */
export type CountTable = { cells: number[][] };

export type PublishedTable = {
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  colTotals: PublishedCount[];
  total: PublishedCount;
};

type Slot = { value: number; hidden?: Suppression; isTotal: boolean };

/**
 * Suppresses and rounds one table with its margins (zeros too, unless `zerosShown`). Primary: every count below k, and (when
 * `bases` is given, for a sensitive attribute) every count whose complement in its base is below
 * k, since "all but 3 are refugees" discloses as much as "3 are refugees". Complementary: each
 * additive relation (a row and its total, a column and its total, the margins and the grand total)
 * must never have exactly one hidden member, else subtraction recovers it; the smallest shown cell
 * of such a relation is hidden too, until nothing changes. This is the usual heuristic, not an
 * optimal (linear-programming) audit: hidden cells may still be bounded to an interval.
 */
export function suppressTable(
  table: CountTable,
  rules: DisclosureRules,
  bases?: CountTable,
  { zerosShown = false }: { zerosShown?: boolean } = {},
): PublishedTable {
  const rowsN = table.cells.length;
  const colsN = table.cells[0]?.length ?? 0;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  // zerosShown: a count of nobody names nobody (the response-rate tables), unless its row is itself below k:
  // "none of the 2 members in GB refused" says something of both. The report keeps hiding zeros.
  const small = (value: number, rowSum: number) =>
    value < rules.minCell && !(zerosShown && value === 0 && rowSum >= rules.minCell);
  const slot = (value: number, isTotal: boolean, base?: number, rowSum = value): Slot => {
    const hidden: Suppression | undefined = small(value, rowSum)
      ? 'below_k'
      : base !== undefined && base - value < rules.minCell
        ? 'dominant'
        : undefined;
    return { value, isTotal, hidden };
  };
  const baseCol = (c: number) => bases?.cells.map((r) => r[c]) ?? [];
  const cells = table.cells.map((row, r) => row.map((v, c) => slot(v, false, bases?.cells[r][c], sum(row))));
  const rowTotals = table.cells.map((row, r) => slot(sum(row), true, bases && sum(bases.cells[r])));
  const colTotals = Array.from({ length: colsN }, (_, c) =>
    // A column of zeros is judged against the whole table, as its cells are against their rows.
    slot(sum(table.cells.map((row) => row[c])), true, bases && sum(baseCol(c)), sum(table.cells.map(sum))),
  );
  const total = slot(sum(rowTotals.map((s) => s.value)), true, bases && sum(bases.cells.map(sum)));

  const relations: Slot[][] = [
    ...cells.map((row, r) => [...row, rowTotals[r]]),
    ...colTotals.map((t, c) => [...cells.map((row) => row[c]), t]),
    [...rowTotals, total],
    [...colTotals, total],
  ];
  for (let changed = rowsN > 0; changed; ) {
    changed = false;
    for (const members of relations) {
      if (members.filter((m) => m.hidden).length !== 1) continue;
      const shown = members.filter((m) => !m.hidden);
      // Hide a cell rather than a total when there is a choice: totals are what readers use most.
      const pool = shown.some((m) => !m.isTotal) ? shown.filter((m) => !m.isTotal) : shown;
      if (pool.length === 0) continue;
      const smallest = pool.reduce((a, b) => (b.value < a.value ? b : a));
      smallest.hidden = 'complementary';
      changed = true;
    }
  }
  const publish = (s: Slot): PublishedCount =>
    s.hidden ? { count: null, suppressed: s.hidden } : { count: roundTo(s.value, rules.roundTo) };
  return {
    cells: cells.map((row) => row.map(publish)),
    rowTotals: rowTotals.map(publish),
    colTotals: colTotals.map(publish),
    total: publish(total),
  };
}

export function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

/**
 * A whole-number percentage of two published (rounded) counts, or null when either is hidden or the
 * base is too small to quote a share of. Never of the exact counts: 10 of 50 shown as 20% would pin
 * a count rounded to 10 to exactly 10 (issue 14, item 7), so a share says nothing the counts do not.
 */
export function publishedPercent(count: PublishedCount, base: PublishedCount, rules: DisclosureRules): number | null {
  if (count.count === null || base.count === null || base.count < rules.minPercentBase || base.count === 0) return null;
  return Math.round((100 * count.count) / base.count);
}
