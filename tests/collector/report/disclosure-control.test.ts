import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type PublishedCount,
  publishedPercent,
  roundTo,
  suppressTable,
} from '../../../collector/report/disclosure-control.ts';

const RULES = { minCell: 10, roundTo: 5, minPercentBase: 23 };
const code = (p: PublishedCount) =>
  p.suppressed === 'below_k' ? 'k' : p.suppressed === 'dominant' ? 'd' : p.suppressed ? 'c' : '.';
const pattern = (cells: PublishedCount[][]) => cells.map((row) => row.map(code).join('')).join('/');

describe('suppressTable', () => {
  it.each([
    [
      'shows and rounds a table with no small cell',
      [
        [12, 13],
        [17, 18],
      ],
      '../..',
      [
        [10, 15],
        [15, 20],
      ],
    ],
    ['hides the next smallest cell of the row when one is below k', [[4, 25, 50]], 'kc.', [[null, null, 50]]],
    [
      'hides a 2×2 table’s whole core when one cell is below k (each row and column needs a second)',
      [
        [3, 20],
        [30, 40],
      ],
      'kc/cc',
      [
        [null, null],
        [null, null],
      ],
    ],
    ['hides zero counts: zero is below k', [[0, 40, 40]], 'kc.', [[null, null, 40]]],
    [
      'needs nothing more when a row already has two cells below k',
      [
        [4, 6, 50],
        [40, 40, 40],
      ],
      'kk./cc.',
      [
        [null, null, 50],
        [null, null, 40],
      ],
    ],
  ])('%s', (_name, cells, expected, counts) => {
    const out = suppressTable({ cells }, RULES);
    expect(pattern(out.cells)).toBe(expected);
    expect(out.cells.map((r) => r.map((p) => p.count))).toEqual(counts);
  });

  it('hides a total below k and, with it, enough for it not to be recomputed', () => {
    const out = suppressTable(
      {
        cells: [
          [2, 3],
          [40, 50],
        ],
      },
      RULES,
    );
    expect(out.rowTotals[0]).toEqual({ count: null, suppressed: 'below_k' });
    // Else the grand total minus the other row total gives it back.
    expect(out.rowTotals[1]).toEqual({ count: null, suppressed: 'complementary' });
    expect(out.total.count).toBe(95);
    // And each column total minus row 1 would give row 0's cells back.
    expect(pattern(out.cells)).toBe('kk/cc');
  });

  it('hides zeros like any small count, and shows them with zerosShown unless their row is below k', () => {
    const table = {
      cells: [
        [12, 0, 15],
        [2, 0, 0],
      ],
    };
    const rules = { minCell: 3, roundTo: 1, minPercentBase: 1 };
    expect(suppressTable(table, rules).cells[0][1]).toEqual({ count: null, suppressed: 'below_k' });
    const shown = suppressTable(table, rules, undefined, { zerosShown: true });
    // One row, a zero in it: the zero, its column total and everything else shown.
    const one = suppressTable({ cells: [[3, 0, 1, 2]] }, { ...rules, minCell: 1 }, undefined, { zerosShown: true });
    expect(one.cells[0].map((c) => c.count)).toEqual([3, 0, 1, 2]);
    expect(one.colTotals.map((c) => c.count)).toEqual([3, 0, 1, 2]);
    // The second row sums to 2, below k: its zeros would say something of both people in it.
    expect(shown.cells[1].map((c) => c.count)).toEqual([null, null, null]);
  });

  it('hides a sensitive count whose complement in its base is below k', () => {
    const out = suppressTable({ cells: [[45, 20, 20]] }, RULES, { cells: [[50, 60, 60]] });
    expect(pattern(out.cells)).toBe('dc.');
  });

  it.each([
    [12, 10],
    [12.5, 15],
    [13, 15],
    [17, 15],
    [18, 20],
  ])('rounds %d to %d', (value, rounded) => {
    expect(roundTo(value, 5)).toBe(rounded);
  });

  it('never leaves exactly one hidden member in a row, a column or the margins, and never shows a count below k', () => {
    const table = fc.array(fc.array(fc.nat({ max: 60 }), { minLength: 3, maxLength: 3 }), {
      minLength: 1,
      maxLength: 4,
    });
    fc.assert(
      fc.property(table, (cells) => {
        const out = suppressTable({ cells }, RULES);
        const relations = [
          ...out.cells.map((row, r) => [...row, out.rowTotals[r]]),
          ...out.colTotals.map((t, c) => [...out.cells.map((row) => row[c]), t]),
          [...out.rowTotals, out.total],
          [...out.colTotals, out.total],
        ];
        for (const members of relations) expect(members.filter((m) => m.count === null).length).not.toBe(1);
        cells.forEach((row, r) => {
          row.forEach((v, c) => {
            if (v < 10) expect(out.cells[r][c].count).toBeNull();
          });
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('publishedPercent', () => {
  const shown = (count: number): PublishedCount => ({ count });
  const hidden: PublishedCount = { count: null, suppressed: 'below_k' };
  it.each([
    ['a shown count of a large enough base', shown(10), shown(25), 40],
    ['the rounded counts, not the exact ones (12 of 48 is published as 10 of 50)', shown(10), shown(50), 20],
    ['nothing on a base below minPercentBase', shown(10), shown(20), null],
    ['nothing for a hidden count', hidden, shown(40), null],
    ['nothing on a hidden base', shown(10), hidden, null],
  ])('gives %s', (_, count, base, expected) => {
    expect(publishedPercent(count, base, RULES)).toBe(expected);
  });
});
