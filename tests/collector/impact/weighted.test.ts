import { describe, expect, it } from 'vitest';
import { weightedFigures } from '../../../collector/impact/weighted.ts';
import { EXACT } from './impact-fixture.ts';
import { populationOf } from './population-fixture.ts';

const fr = { country: 'FR' };
const gb = { country: 'GB' };

// 100 members, FR 60 and GB 40; 20 FR respondents (10 with an outcome) and 10 GB (8 with an outcome, all
// underserved). Raking to country alone is post-stratification: FR weights 60/20 = 3, GB 40/10 = 4.
// Rate (60·0.5 + 40·0.8)/100 = 0.62 against 18/30 = 0.6 unweighted; underserved share 40/100 = 0.4.
// Design effect 30·(20·9 + 10·16)/100² = 1.02, effective n 100²/340 = 29.41; the Wilson interval on it for 0.62:
// centre (0.62 + z²/2n)/(1 + z²/n) = 0.6061, half-width 0.1656, so [0.4406, 0.7717] → [0.44, 0.77]; for 0.4,
// centre 0.4116, half-width 0.1669, so [0.2446, 0.5785] → [0.24, 0.58].
const cohort = [
  { n: 10, member: fr, respondent: { outcome: true, underserved: false } },
  { n: 10, member: fr, respondent: { outcome: false, underserved: false } },
  { n: 40, member: fr },
  { n: 8, member: gb, respondent: { outcome: true, underserved: true } },
  { n: 2, member: gb, respondent: { outcome: false, underserved: true } },
  { n: 30, member: gb },
];

describe('weightedFigures', () => {
  it('weights respondents to the population margins, as worked by hand, to 0.01', () => {
    expect(weightedFigures(populationOf(cohort), ['country'], EXACT)).toEqual({
      attributes: ['country'],
      iterations: 1,
      converged: true,
      cap: 5,
      designEffect: 1.02,
      effectiveN: 29,
      rateAmongKnown: { estimate: 0.62, ci95: [0.44, 0.77] },
      underservedShare: { estimate: 0.4, ci95: [0.24, 0.58] },
      notes: [],
    });
  });

  it('leaves out a value no respondent has, with a note naming it', () => {
    // LU's 50 members cannot be weighted: without them the margins are FR 60, GB 40 as above.
    const got = weightedFigures(populationOf([...cohort, { n: 50, member: { country: 'LU' } }]), ['country'], EXACT);
    expect(got.rateAmongKnown?.estimate).toBe(0.62);
    expect(got.notes).toEqual([
      'country = "LU" has members and no respondent, so it cannot be weighted: its members are left out of the margins, and the weighted figures stand for the rest of the population',
    ]);
  });

  it('withholds the estimates below the minimum base, with a note', () => {
    const got = weightedFigures(populationOf(cohort), ['country'], { ...EXACT, minPercentBase: 31 });
    expect(got.rateAmongKnown).toBeNull();
    expect(got.underservedShare).toBeNull();
    expect(got.notes[0]).toBe(
      'weighted career-outcome rate: withheld, as fewer respondents than the minimum base of 31 have it known',
    );
  });

  it('says why there are no weights without a roster population', () => {
    const got = weightedFigures([], ['country'], EXACT);
    expect(got).toMatchObject({ rateAmongKnown: null, underservedShare: null, converged: false });
    expect(got.notes[0]).toMatch(/^no weights: the figures have no roster population to weight to/);
  });
});
