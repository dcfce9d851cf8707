import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishFunnels } from '../../../collector/denominators/publish-funnels.ts';
import { emptyTally, type RateTally } from '../../../collector/denominators/rate-tally.ts';

/** A tally with the funnel's counts only; reached[k] = members whose furthest point was k answered questions. */
const tally = (shown: number, started: number, completed: number, reached: number[] = []): RateTally => ({
  ...emptyTally(),
  shown,
  started,
  completed,
  reached: [0, ...reached],
});
const K3 = { minCell: 3, roundTo: 1, minPercentBase: 1 };

describe('publishFunnels', () => {
  it.each([
    // [case, tally, what is shown, what is withheld and why]
    ['shows every step at or above k', tally(12, 8, 5, [0, 3, 5]), [12, 8, 5, 8, 8, 5], {}],
    [
      'withholds a step below k',
      tally(12, 8, 2, [6, 0, 2]),
      [12, 8, null, 8, null, null],
      { completed: 'below_k', 'answered:2': 'below_k', 'answered:3': 'below_k' },
    ],
    [
      'withholds a step whose drop from the step before is a small cell',
      tally(10, 9, 5, [4, 0, 5]),
      [10, null, 5, null, 5, 5],
      // answered:1 = 9 is a drop of 1 from shown across the hidden step, so it goes too.
      { started: 'dominant', 'answered:1': 'dominant' },
    ],
    // Every later step is within 1 of shown, so each would bound the hidden started to 9 or 10.
    [
      'withholds every later step that would pin a hidden one',
      tally(10, 9, 9, [0, 0, 9]),
      [10, null, null, null, null, null],
      {
        started: 'dominant',
        'answered:1': 'dominant',
        'answered:2': 'dominant',
        'answered:3': 'dominant',
        completed: 'dominant',
      },
    ],
  ] as const)('%s', (_, t, [shown, started, completed, ...answered], withheld) => {
    const { total } = publishFunnels(t, null, K3);
    expect(total.funnel).toMatchObject({ shown, started, completed });
    expect(total.funnel.progress.map((p) => p.members)).toEqual(answered);
    expect(total.suppressed).toEqual(withheld);
  });

  it('rounds the counts it shows to roundTo', () => {
    const { total } = publishFunnels(tally(12, 12, 12, [0, 12]), null, { minCell: 3, roundTo: 5, minPercentBase: 1 });
    expect(total.funnel).toEqual({
      shown: 10,
      started: 10,
      completed: 10,
      progress: [
        { answered: 1, members: 10 },
        { answered: 2, members: 10 },
      ],
    });
  });

  it('hides the smallest other group when a step is hidden in only one, and never the cohort when a group will do', () => {
    const groups = [tally(9, 9, 9), tally(2, 2, 2), tally(5, 5, 5)];
    const total = tally(16, 16, 16);
    const out = publishFunnels(total, groups, K3);
    expect(out.groups.map((g) => g.funnel.shown)).toEqual([9, null, null]);
    expect(out.groups[2].suppressed.shown).toBe('complementary');
    expect(out.total.funnel.shown).toBe(16);
  });

  // The two invariants, for any cohort: down each funnel no hidden step sits between shown neighbours less than k
  // apart (which would bound it to fewer than k values), and across the groups no step is hidden exactly once.
  it('leaves no hidden step recoverable from its neighbours or by subtraction, for any groups', () => {
    const funnelTally = fc
      .record({ shown: fc.nat({ max: 30 }), drops: fc.array(fc.nat({ max: 6 }), { minLength: 4, maxLength: 4 }) })
      .map(({ shown, drops }) => {
        const [started, a1, a2, a3] = drops.map((_, i) =>
          Math.max(0, shown - drops.slice(0, i + 1).reduce((a, b) => a + b)),
        );
        return tally(shown, started, a3, [a1 - a2, a2 - a3, a3]);
      });
    fc.assert(
      fc.property(fc.array(funnelTally, { minLength: 1, maxLength: 5 }), (groups) => {
        const total = groups.reduce((t, g) =>
          tally(
            t.shown + g.shown,
            t.started + g.started,
            t.completed + g.completed,
            [1, 2, 3].map((k) => (t.reached[k] ?? 0) + (g.reached[k] ?? 0)),
          ),
        );
        const out = publishFunnels(total, groups, K3);
        const rows = [...out.groups, out.total].map((p) => [
          p.funnel.shown,
          p.funnel.started,
          ...p.funnel.progress.map((x) => x.members),
        ]);
        const exact = [...groups, total].map((t) => [
          t.shown,
          t.started,
          ...[1, 2, 3].map((k) => t.reached.slice(k).reduce((a, b) => a + b, 0)),
        ]);
        rows.forEach((row, r) => {
          row.forEach((n, i) => {
            if (n !== null) return;
            const before = row.slice(0, i).findLastIndex((x) => x !== null);
            const after = row.findIndex((x, j) => j > i && x !== null);
            if (before >= 0 && after >= 0)
              expect(exact[r][before] - exact[r][after]).toBeGreaterThanOrEqual(K3.minCell);
          });
        });
        for (let c = 0; c < rows[0].length; c++) expect(rows.filter((row) => row[c] === null).length).not.toBe(1);
      }),
    );
  });
});
