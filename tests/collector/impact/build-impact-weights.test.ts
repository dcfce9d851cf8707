import { describe, expect, it } from 'vitest';
import { impactOf, member, storageWith } from './impact-fixture.ts';

// A roster of 10 (FR 6, GB 4) with 4 respondents: FR a and b (one outcome), GB c and d (both outcomes).
const roster = [
  ...['a', 'b', 'f1', 'f2', 'f3', 'f4'].map((l) => member(l, { country: 'FR' })),
  ...['c', 'd', 'g1', 'g2'].map((l) => member(l, { country: 'GB' })),
];
const answers = [
  { learner: 'a', outcome: true },
  { learner: 'b', outcome: false },
  { learner: 'c', outcome: true },
  { learner: 'd', outcome: true },
];

describe('buildImpact: non-response and weights', () => {
  it('compares the population and the respondents by roster column', async () => {
    const { impact } = await impactOf(await storageWith(answers, { c26: roster }));
    const country = impact.nonresponse.find((a) => a.attribute === 'country');
    // FR: 6 of 10 members (60 %), 2 of 4 respondents (50 %); GB 40 % and 50 %. RR1 4/10 = 40 %, 10 points off.
    expect(country?.rows.map((r) => [r.value, r.populationShare, r.respondentShare, r.differencePoints])).toEqual([
      ['FR', 60, 50, -10],
      ['GB', 40, 50, 10],
    ]);
    expect(country?.warning).toMatch(/^RR1 is 40 %, under 80 %/);
    expect(impact.weighted).toBeUndefined();
  });

  it('weights to the named columns when asked: the rate moves to the population mix', async () => {
    // FR weights 6/2 = 3, GB 4/2 = 2: (3·1 + 2·2)/10 = 0.7, where the respondents alone give 3/4.
    const { impact } = await impactOf(await storageWith(answers, { c26: roster }), { weights: ['country'] });
    expect(impact.careerOutcomes.rateAmongKnown.estimate).toBe(0.75);
    expect(impact.weighted).toMatchObject({
      attributes: ['country'],
      converged: true,
      rateAmongKnown: { estimate: 0.7 },
    });
  });

  it('says why there are no weights without a roster', async () => {
    const { impact } = await impactOf(await storageWith(answers), { weights: ['country'] });
    expect(impact.weighted?.rateAmongKnown).toBeNull();
    expect(impact.weighted?.notes[0]).toMatch(/no roster population/);
  });
});
