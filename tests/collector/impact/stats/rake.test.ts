import { describe, expect, it } from 'vitest';
import { designEffect } from '../../../../collector/impact/stats/design-effect.ts';
import { type Margin, RakeError, type RakeUnit, rake } from '../../../../collector/impact/stats/rake.ts';

const cells = (spec: [string, string, number][]): RakeUnit[] =>
  spec.flatMap(([a, b, n]) => Array.from({ length: n }, () => ({ a, b })));
const margins = (a: [string, number][], b: [string, number][]): Margin[] => [
  { attribute: 'a', counts: new Map(a) },
  { attribute: 'b', counts: new Map(b) },
];

describe('rake', () => {
  it('meets two margins of a 2×2 table keeping the sample odds ratio, as worked by hand', () => {
    // Sample cells xu 2, xv 1, yu 1, yv 1 (odds ratio 2); margins a: x 6, y 4; b: u 5, v 5. Raking keeps the
    // odds ratio, so the xu total p solves p(p − 1) = 2(6 − p)(5 − p), p² − 21p + 60 = 0, p = (21 − √201)/2.
    const units = cells([
      ['x', 'u', 2],
      ['x', 'v', 1],
      ['y', 'u', 1],
      ['y', 'v', 1],
    ]);
    const p = (21 - Math.sqrt(201)) / 2; // 3.4112765
    const got = rake(
      units,
      margins(
        [
          ['x', 6],
          ['y', 4],
        ],
        [
          ['u', 5],
          ['v', 5],
        ],
      ),
      { epsilon: 1e-12 },
    );
    expect(got.converged).toBe(true);
    const expected = [p / 2, p / 2, 6 - p, 5 - p, p - 1];
    for (const [i, w] of got.weights.entries()) expect(w).toBeCloseTo(expected[i], 8);
  });

  // Sample xu 8, xv 2, yu 1, yv 1 raked to 60/60 on both: uncapped, yv weighs 40 (odds ratio 4: 40·40/(20·20)),
  // four times the mean of 10. At a cap of 3 (30) it is trimmed and raked again until yu = yv = 30, which leaves
  // x 60 = 8·3.75 + 2·15 and u 60 = 8·3.75 + 30. At a cap of 2 (20) the two y units cannot carry y's 60.
  const skewed = cells([
    ['x', 'u', 8],
    ['y', 'u', 1],
    ['y', 'v', 1],
    ['x', 'v', 2],
  ]);
  const even = margins(
    [
      ['x', 60],
      ['y', 60],
    ],
    [
      ['u', 60],
      ['v', 60],
    ],
  );
  const byCell = (w: number[]) => [w[0], w[8], w[9], w[10]]; // xu, yu, yv, xv

  it.each<[string, number, number[]]>([
    ['no cap', Number.POSITIVE_INFINITY, [5, 20, 40, 10]],
    ['a cap of 5 × the mean, not reached', 5, [5, 20, 40, 10]],
    ['a cap of 3 × the mean, held after trimming', 3, [3.75, 30, 30, 15]],
  ])('%s: weights by cell as worked by hand', (_, cap, expected) => {
    const got = rake(skewed, even, { cap });
    expect(got).toMatchObject({ converged: true, capHeld: true });
    for (const [i, w] of byCell(got.weights).entries()) expect(w).toBeCloseTo(expected[i], 3);
  });

  it('reports a cap that cannot hold as not converged, after the iterations run out', () => {
    const got = rake(skewed, even, { cap: 2, maxIterations: 100 });
    expect(got).toMatchObject({ converged: false, capHeld: false, iterations: 100 });
  });

  it('names the attribute and value of a margin cell with no respondent', () => {
    const units = cells([
      ['x', 'u', 2],
      ['x', 'v', 1],
    ]);
    expect(() =>
      rake(
        units,
        margins(
          [
            ['x', 6],
            ['y', 4],
          ],
          [
            ['u', 5],
            ['v', 5],
          ],
        ),
      ),
    ).toThrow(
      new RakeError(
        'rake: margin a = "y" has 4 in the population and no respondent, so no weight can meet it: drop or collapse the value before raking',
        'empty_cell',
      ),
    );
  });

  it('names a respondent value the population does not have', () => {
    const units = cells([
      ['x', 'u', 2],
      ['z', 'v', 1],
    ]);
    expect(() =>
      rake(
        units,
        margins(
          [['x', 6]],
          [
            ['u', 3],
            ['v', 3],
          ],
        ),
      ),
    ).toThrow(/respondents have a = "z"/);
  });
});

describe('designEffect', () => {
  it.each<[string, number[], number, number]>([
    ['equal weights', [3, 3, 3, 3], 1, 4],
    // n·Σw²/(Σw)² = 4·(1 + 1 + 1 + 9)/36 = 4/3; (Σw)²/Σw² = 36/12 = 3
    ['one weight three times the others', [1, 1, 1, 3], 4 / 3, 3],
  ])('%s', (_, weights, deff, effectiveN) => {
    const got = designEffect(weights);
    expect(got?.designEffect).toBeCloseTo(deff, 12);
    expect(got?.effectiveN).toBeCloseTo(effectiveN, 12);
  });

  it('is null without weights', () => expect(designEffect([])).toBeNull());
});
