import { describe, expect, it } from 'vitest';
import { impactMethods } from '../../../collector/impact/impact-methods.ts';
import { impactOf, many, member, SURVEY, SURVEYS, storageWith } from './impact-fixture.ts';

const textOf = (methods: { id: string; text: string }[], id: string) => {
  const m = methods.find((x) => x.id === id);
  if (!m) throw new Error(`no method note "${id}" among ${methods.map((x) => x.id).join(', ')}`);
  return m.text;
};

describe('the methods section, generated from the figures', () => {
  it('carries the year’s own numbers: population, respondents, outsiders, undated members, rules, target', async () => {
    const roster = [
      ...Array.from({ length: 12 }, (_, i) => member(`m${i}`, { country: 'FR' })),
      member('undated', { completedAt: undefined }),
    ];
    const storage = await storageWith(
      [...many(7, 'm', { outcome: true, country: 'FR' }), { learner: 'outsider', outcome: false }],
      { 'fr-2026': roster },
    );
    const { impact } = await impactOf(
      storage,
      {},
      { minCell: 1, roundTo: 1, minPercentBase: 1, impactCareerTarget: 1234 },
    );
    const m = impact.methods;
    expect(m.map((x) => x.id)).toEqual([
      'population',
      'response_rates',
      'suppression',
      'career_outcome',
      'groups',
      'ethnic_background',
      'underserved_target',
      'nonresponse',
      'weighting',
      'carbon',
      'evidence',
    ]);
    const population = textOf(m, 'population');
    expect(population).toContain('the roster of fr-2026');
    expect(population).toContain('in 2026, each counted once: 12 learners');
    expect(population).toContain('"career-outcomes" in 2026, one per learner (the latest complete answer is kept): 8');
    expect(population).toContain(
      '1 respondent is on no roster read: they count among respondents but in no rate over the population',
    );
    expect(population).toContain('1 roster member has neither a completion nor an enrolment date');
    expect(textOf(m, 'suppression')).toContain('No count below 1 people is shown');
    expect(textOf(m, 'career_outcome')).toContain('the target is 1,234 career outcomes a year');
    expect(textOf(m, 'weighting')).toContain('not weighted');
    expect(textOf(m, 'carbon')).toContain(
      `over ${impact.carbon.displays} displays and ${impact.carbon.responses} responses`,
    );
  });

  it('names the countries asked ethnic background, and says why others are not', async () => {
    const { impact } = await impactOf(await storageWith([]));
    const text = textOf(impact.methods, 'ethnic_background');
    expect(text).toContain('only of learners in the United Kingdom and the United States');
    expect(text).toContain('the England and Wales census question');
    expect(text).toContain('the US combined race and ethnicity question');
    expect(text).not.toMatch(/ethnic_group|race_ethnicity/);
    expect(text).toContain('in France and most of the European Union');
    // A survey with no ethnic question says so instead.
    const survey = SURVEYS.latest(SURVEY);
    if (!survey) throw new Error('the built-in survey is not served');
    const without = { ...survey, questions: survey.questions.filter((q) => !/^(ethnic|race)/.test(q.id)) };
    expect(textOf(impactMethods(impact, without), 'ethnic_background')).toContain('asks no ethnic-background question');
  });

  it('says how the weights were made when weights are asked, and that without a roster nothing is over the population', async () => {
    const roster = [
      ...Array.from({ length: 20 }, (_, i) => member(`f${i}`, { country: 'FR' })),
      ...Array.from({ length: 20 }, (_, i) => member(`g${i}`, { country: 'GB' })),
    ];
    const storage = await storageWith(
      [...many(12, 'f', { outcome: true, country: 'FR' }), ...many(4, 'g', { outcome: false, country: 'GB' })],
      { c: roster },
    );
    const { impact } = await impactOf(storage, { weights: ['country'] });
    const weighting = textOf(impact.methods, 'weighting');
    expect(weighting).toContain('on country by iterative proportional fitting');
    expect(weighting).toContain(`The design effect from the weights’ spread is ${impact.weighted?.designEffect}`);
    const none = await impactOf(await storageWith([{ learner: 'a', outcome: true }]));
    expect(textOf(none.impact.methods, 'population')).toContain(
      'Without a roster nobody knows how many learners should have answered',
    );
  });
});
