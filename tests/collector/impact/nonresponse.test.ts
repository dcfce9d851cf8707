import { describe, expect, it } from 'vitest';
import { nonresponse } from '../../../collector/impact/nonresponse.ts';
import { EXACT } from './impact-fixture.ts';
import { populationOf } from './population-fixture.ts';

const fr = { country: 'FR' };
const gb = { country: 'GB' };

describe('nonresponse', () => {
  // 1000 members, half in FR; `responded` respond, `frRespondents` of them in FR. Shares from the counts by hand:
  // 435/790 = 55.06 % → 55.1, 5.1 points over FR's 50 %; 434/790 = 54.94 % → 54.9; 446/810 = 55.06 %; 445/810 = 54.94 %.
  it.each<[string, number, number, number, boolean]>([
    ['RR1 79 %, 5.1 points: a warning', 790, 435, 5.1, true],
    ['RR1 79 %, 4.9 points: none', 790, 434, 4.9, false],
    ['RR1 81 %, 5.1 points: none', 810, 446, 5.1, false],
    ['RR1 81 %, 4.9 points: none', 810, 445, 4.9, false],
  ])('%s', (_, responded, frRespondents, points, warned) => {
    const population = populationOf([
      { n: frRespondents, member: fr, respondent: {} },
      { n: 500 - frRespondents, member: fr },
      { n: responded - frRespondents, member: gb, respondent: {} },
      { n: 500 - (responded - frRespondents), member: gb },
    ]);
    const country = nonresponse(population, EXACT).find((a) => a.attribute === 'country');
    expect(country?.rows[0]).toMatchObject({
      value: 'FR',
      population: { count: 500 },
      respondents: { count: frRespondents },
      populationShare: 50,
      respondentShare: 50 + points,
      differencePoints: points,
    });
    if (warned)
      expect(country?.warning).toBe(
        'RR1 is 79 %, under 80 %, and respondents differ from the population on country: "FR" is 55.1 % of respondents against 50 % of the population (+5.1 points); "GB" is 44.9 % of respondents against 50 % of the population (-5.1 points). Figures by country may be biased: weight to it (weights=country) or read them with care.',
      );
    else expect(country?.warning).toBeUndefined();
  });

  it('lists country, course, path and every attr_ column, members without a value as not given', () => {
    const population = populationOf([
      { n: 6, member: { ...fr, courseId: 'web', attrs: { funding: 'grant' } }, respondent: {} },
      { n: 4, member: { ...gb }, respondent: {} },
      { n: 10, member: { ...gb, attrs: { funding: 'self' } } },
    ]);
    const got = nonresponse(population, EXACT);
    expect(got.map((a) => a.attribute)).toEqual(['country', 'course_id', 'path_id', 'attr_funding']);
    // course_id: web 6 of 20 members (30 %), 6 of 10 respondents (60 %); not given 14 (70 %), 4 (40 %).
    expect(got[1].rows).toEqual([
      {
        value: 'web',
        population: { count: 6 },
        respondents: { count: 6 },
        populationShare: 30,
        respondentShare: 60,
        differencePoints: 30,
      },
      {
        value: null,
        population: { count: 14 },
        respondents: { count: 4 },
        populationShare: 70,
        respondentShare: 40,
        differencePoints: -30,
      },
    ]);
    // RR1 10/20 = 50 %.
    expect(got[1].warning).toMatch(
      /^RR1 is 50 %, under 80 %, and respondents differ from the population on course_id: "web"/,
    );
  });

  it('withholds a small value and, by complement, enough others that none can be recovered', () => {
    // k = 5. LU: 3 members, 1 respondent, below k; its respondents' column and row need complements.
    const population = populationOf([
      { n: 30, member: fr, respondent: {} },
      { n: 20, member: fr },
      { n: 20, member: gb, respondent: {} },
      { n: 20, member: gb },
      { n: 1, member: { country: 'LU' }, respondent: {} },
      { n: 2, member: { country: 'LU' } },
    ]);
    const rules = { minCell: 5, roundTo: 1, minPercentBase: 5 };
    const country = nonresponse(population, rules)[0];
    const lu = country.rows.find((r) => r.value === 'LU');
    expect(lu).toEqual({
      value: 'LU',
      population: { count: null, suppressed: 'below_k' },
      respondents: { count: null, suppressed: 'below_k' },
      populationShare: null,
      respondentShare: null,
      differencePoints: null,
    });
    // The population total (93) is shown, so LU's 3 would follow from FR 50 and GB 40: one of them is withheld too,
    // and likewise for the respondents (51 = 30 + 20 + 1).
    expect(country.rows.filter((r) => r.population.count === null)).toHaveLength(2);
    expect(country.rows.filter((r) => r.respondents.count === null).length).toBeGreaterThanOrEqual(2);
  });

  it('is empty without a roster population', () => expect(nonresponse([], EXACT)).toEqual([]));
});
