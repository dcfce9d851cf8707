import { describe, expect, it } from 'vitest';
import type { StoredContactEvent } from '../../../collector/storage/denominator-storage.ts';
import type { Answer } from './impact-fixture.ts';
import { impactOf, many, member, responseId, SURVEY, storageWith } from './impact-fixture.ts';

// The definitions of docs/impact.md ("Figures and definitions"), each as a table with expectations worked out by
// hand. EXACT rules (k = 1, no rounding) make each expectation the plain arithmetic of the rows; a zero is still
// withheld, as in /v1/report ("none of the refugees failed" says it of each), so the tables avoid zero cells.

describe('career outcomes (the school definition)', () => {
  it.each<[string, (boolean | null)[], number | null, number | null, number | null]>([
    // outcomes of the respondents, count (true), known (true + false), rate = count / known
    ['three of four known, two unknown', [true, true, true, false, null, null], 3, 4, 0.75],
    ['one of three', [false, true, false], 1, 3, 0.333333],
    // "nobody failed" would say it of each: the zero is withheld, and the count with it, so no rate.
    ['all achieved', [true, true, true, true, true], null, 5, null],
  ])('%s: count and rate among the known', async (_, outcomes, count, known, rate) => {
    const storage = await storageWith(outcomes.map((outcome, i) => ({ learner: `l${i}`, outcome })));
    const { careerOutcomes } = (await impactOf(storage)).impact;
    expect(careerOutcomes.count.count).toBe(count);
    expect(careerOutcomes.rateAmongKnown.denominator).toBe(known);
    expect(careerOutcomes.rateAmongKnown.estimate).toBe(rate);
  });

  it('states the count against the yearly target, to four decimals', async () => {
    const storage = await storageWith([...many(3, 'l', { outcome: true }), { learner: 'f', outcome: false }]);
    const { careerOutcomes } = (await impactOf(storage, {}, { impactCareerTarget: 7 })).impact;
    expect(careerOutcomes).toMatchObject({ target: 7, shareOfTarget: 0.4286 }); // 3 / 7
  });

  // Beside two other respondents (one with an outcome, one without), so no cell is zero.
  const others: Answer[] = [
    { learner: 'b1', outcome: true, id: responseId(911) },
    { learner: 'b2', outcome: false, id: responseId(912) },
  ];
  it.each<[string, Answer[], number, string[]]>([
    [
      'the latest response whose outcome is known wins over a later unknown one',
      [
        { learner: 'a', outcome: true, at: '2026-02-01T00:00:00Z', id: responseId(901) },
        { learner: 'a', outcome: null, at: '2026-05-01T00:00:00Z', id: responseId(902) },
      ],
      2,
      [responseId(901), responseId(902), responseId(911)],
    ],
    [
      'a later known outcome replaces an earlier one',
      [
        { learner: 'a', outcome: true, at: '2026-02-01T00:00:00Z', id: responseId(903) },
        { learner: 'a', outcome: false, at: '2026-05-01T00:00:00Z', id: responseId(904) },
      ],
      1,
      [responseId(911)],
    ],
  ])('one respondent per learner: %s', async (_, answers, count, evidence) => {
    const { impact, evidence: ev } = await impactOf(await storageWith([...answers, ...others]));
    expect(impact.population.respondents.count).toBe(3);
    expect(impact.careerOutcomes.count.count).toBe(count);
    expect(ev.get('careerOutcomes.count')).toEqual(evidence);
  });

  it('counts an anonymous response (no learner) as its own respondent, and only responses of the year', async () => {
    const storage = await storageWith([
      { outcome: true },
      { outcome: true },
      { outcome: false },
      { learner: 'late', outcome: true, at: '2027-01-01T00:00:00.000Z' },
      { learner: 'early', outcome: true, at: '2025-12-31T23:59:59.999Z' },
    ]);
    expect((await impactOf(storage)).impact.careerOutcomes.count.count).toBe(2);
  });
});

describe('NACE knowledge and career-outcomes rates over the population', () => {
  // Ten members; four answered: employed, looking, not working (not seeking), prefer not to say. One respondent is
  // on no roster and counts in neither rate. knowledge = 3 / 10; NACE = employed 1 / (3 known − 1 not seeking) = 1 / 2.
  const roster = { c1: Array.from({ length: 10 }, (_, i) => member(`m${i}`)) };
  const answers: Answer[] = [
    { learner: 'm0', situation: 'employed' },
    { learner: 'm1', situation: 'looking' },
    { learner: 'm2', situation: 'not_working' },
    { learner: 'm3', situation: 'prefer_not_to_say' },
    { learner: 'outsider', situation: 'employed' },
  ];

  it.each([
    ['knowledgeRate', 3, 10, 0.3],
    ['naceCareerOutcomesRate', 1, 2, 0.5],
  ] as const)('%s = %i / %i', async (rate, numerator, denominator, estimate) => {
    const { impact } = await impactOf(await storageWith(answers, roster));
    expect(impact.careerOutcomes[rate]).toMatchObject({ numerator, denominator, estimate });
    expect(impact.population).toMatchObject({ members: { count: 10 }, respondents: { count: 5 } });
    expect(impact.population.outsideRoster.count).toBe(1);
  });

  it.each([
    // a fifth answer from m4 beside the four above (employed, looking, not seeking, refused)
    ['studying', 'is a positive outcome', 2, 3],
    ['apprenticeship', 'is a positive outcome', 2, 3],
    ['not_working', 'leaves the base', 1, 2],
    ['looking', 'stays in the base, not positive', 1, 3],
  ])('the situation %s %s', async (situation, _, numerator, denominator) => {
    const { impact } = await impactOf(await storageWith([...answers, { learner: 'm4', situation }], roster));
    expect(impact.careerOutcomes.naceCareerOutcomesRate).toMatchObject({ numerator, denominator });
  });

  it('gives neither rate without a roster population', async () => {
    const { impact } = await impactOf(await storageWith(answers));
    expect(impact.careerOutcomes.knowledgeRate).toBeNull();
    expect(impact.careerOutcomes.naceCareerOutcomesRate).toBeNull();
  });
});

describe('France Compétences insertion rates, with the neutralised cases', () => {
  // Seven respondents at m6: further study and work-study are neutralised, one left the situation unanswered, so
  // the base is 4 (employed closely, employed partly, self-employed closely, looking); in work 3 / 4; target job 2 / 4.
  const m6: Answer[] = [
    { situation: 'studying' },
    { situation: 'apprenticeship', related: 'closely' },
    { situation: 'employed', related: 'closely' },
    { situation: 'employed', related: 'partly' },
    { situation: 'self_employed', related: 'closely' },
    { situation: 'looking' },
    {},
  ].map((a, i) => ({ ...a, learner: `w${i}`, wave: 'm6' }));

  it('gives the m6 rates and lists the cases it neutralised, the unasked ones as not asked', async () => {
    const { impact } = await impactOf(await storageWith([...m6, { learner: 'x', wave: 'm0', situation: 'employed' }]));
    const [rates, ...others] = impact.careerOutcomes.insertion;
    expect(others).toEqual([]); // no m24 respondent: no m24 rates
    expect(rates.wave).toBe('m6');
    expect(rates.respondents.count).toBe(7);
    expect(rates.neutralised).toEqual([
      { case: 'further_study', asked: true, count: { count: 1 } },
      { case: 'work_study', asked: true, count: { count: 1 } },
      { case: 'unable_to_work', asked: false, count: null },
      { case: 'abroad', asked: false, count: null },
    ]);
    expect(rates.inWork).toMatchObject({ numerator: 3, denominator: 4, estimate: 0.75 });
    expect(rates.targetJob).toMatchObject({ numerator: 2, denominator: 4, estimate: 0.5 });
  });

  it.each([
    ['employed_fixed_term', 'partly', 4, 2],
    ['internship', 'closely', 4, 3],
    ['not_working', undefined, 3, 2],
  ])(
    'an eighth respondent %s (%s) makes in work %i / 5 and target job %i / 5',
    async (situation, related, inWork, target) => {
      const { impact } = await impactOf(await storageWith([...m6, { learner: 'w8', wave: 'm6', situation, related }]));
      expect(impact.careerOutcomes.insertion[0].inWork).toMatchObject({ numerator: inWork, denominator: 5 });
      expect(impact.careerOutcomes.insertion[0].targetJob).toMatchObject({ numerator: target, denominator: 5 });
    },
  );
});

describe('career outcomes by underserved group', () => {
  // Refugees: 2 of 3 achieved; not refugees: 1 of 4; unknown: 3 with a known outcome (one more without, left out).
  const answers: Answer[] = [
    ...many(2, 'rt', { groups: { refugee: true }, outcome: true }),
    { learner: 'rf', groups: { refugee: true }, outcome: false },
    { learner: 'nt', groups: { refugee: false }, outcome: true },
    ...many(3, 'nf', { groups: { refugee: false }, outcome: false }),
    ...many(2, 'u', { groups: { refugee: null }, outcome: true }),
    { learner: 'uf', groups: { refugee: null }, outcome: false },
    { learner: 'uu', groups: { refugee: null }, outcome: null },
  ];

  it('gives the rate among members and non-members of the group, and the unknown count', async () => {
    const { impact, evidence } = await impactOf(await storageWith(answers));
    const refugee = impact.byGroup.find((g) => g.group === 'refugee');
    expect(refugee?.whenTrue).toMatchObject({ numerator: 2, denominator: 3, estimate: 0.666667 });
    expect(refugee?.whenFalse).toMatchObject({ numerator: 1, denominator: 4, estimate: 0.25 });
    expect(refugee?.unknown).toEqual({ count: 3 });
    expect(evidence.get('byGroup.refugee.whenTrue')).toHaveLength(2);
    expect(impact.byGroup.map((g) => g.group)).toEqual([
      'jobseeker',
      'underserved_area',
      'low_education',
      'disability',
      'refugee',
      'any_underserved',
    ]);
  });

  it('withholds a group table cell below k and its complement, and gives no rate on them', async () => {
    const { impact } = await impactOf(await storageWith(answers), {}, { minCell: 3 });
    const refugee = impact.byGroup.find((g) => g.group === 'refugee');
    // The "refugee, no outcome" cell is 1 (< 3): hidden, and its row's outcome cell (2) with it.
    expect(refugee?.whenTrue.numerator).toBeNull();
    expect(refugee?.whenTrue.estimate).toBeNull();
    expect(refugee?.whenTrue.suppressed?.numerator).toBeDefined();
  });
});

describe('career outcomes by ethnic group (GB and US packs only)', () => {
  const answers: Answer[] = [
    ...[
      ['asian', true],
      ['asian', false],
      ['white', true],
      ['white', true],
      ['white', false],
      ['prefer_not_to_say', true],
      ['prefer_not_to_say', false],
    ].map(([v, outcome], i) => ({
      learner: `g${i}`,
      country: 'GB',
      outcome: outcome as boolean,
      sensitive: { ethnic_group_gb: v as string },
    })),
    { learner: 's1', country: 'GB', outcome: true, sensitive: { ethnic_group_sct: 'african' } },
    ...many(2, 'sf', { country: 'GB', outcome: false, sensitive: { ethnic_group_sct: 'african' } }),
    { learner: 'u1', country: 'US', outcome: true, sensitive: { race_ethnicity_us: ['asian', 'white'] } },
    { learner: 'u2', country: 'US', outcome: false, sensitive: { race_ethnicity_us: ['black'] } },
    { learner: 'u3', country: 'US', outcome: null, sensitive: { race_ethnicity_us: ['white'] } },
    { learner: 'u4', country: 'US', outcome: false, sensitive: { race_ethnicity_us: ['asian'] } },
    { learner: 'u5', country: 'US', outcome: true, sensitive: { race_ethnicity_us: ['black'] } },
    { learner: 'u6', country: 'US', outcome: false, sensitive: { race_ethnicity_us: ['white'] } },
  ];

  it.each([
    // question, value, achieved / known
    ['ethnic_group_gb', 'asian', 1, 2],
    ['ethnic_group_gb', 'white', 2, 3],
    ['ethnic_group_gb', 'prefer_not_to_say', 1, 2],
    ['ethnic_group_sct', 'african', 1, 3],
    // Multiple choice: u1 is in both asian and white; u3's outcome is unknown and counts in neither.
    ['race_ethnicity_us', 'asian', 1, 2],
    ['race_ethnicity_us', 'white', 1, 2],
    ['race_ethnicity_us', 'black', 1, 2],
    ['race_ethnicity_us', 'hispanic_latino', 0, 0],
  ])('%s %s: %i of %i', async (question, value, numerator, denominator) => {
    const { impact } = await impactOf(await storageWith(answers));
    const q = impact.byEthnicGroup.find((e) => e.question === question);
    const cell = q?.groups.find((g) => g.value === value)?.outcome;
    expect(cell?.numerator ?? 0).toBe(numerator);
    expect(cell?.denominator ?? 0).toBe(denominator);
  });

  it('asks only where the packs ask: the GB nations and the US', async () => {
    const { impact } = await impactOf(await storageWith(answers));
    expect(impact.byEthnicGroup.map((e) => [e.question, e.country])).toEqual([
      ['ethnic_group_gb', 'GB'],
      ['ethnic_group_sct', 'GB'],
      ['ethnic_group_nir', 'GB'],
      ['race_ethnicity_us', 'US'],
    ]);
  });
});

describe('underserved learners against the +20 % target', () => {
  // 100 members a year, all respondents; the share's Wilson interval (z = 1.959964) × 100 members:
  //   10 / 100 → [0.055229, 0.174366] → [6, 17];   15 / 100 → [0.09306, 0.232836] → [9, 23]
  //   30 / 100 → [0.218949, 0.395849] → [22, 40];  50 / 100 → [0.403832, 0.596168] → [40, 60]
  // met: low(Y) ≥ 1.2 × high(Y−1); not met: high(Y) < 1.2 × low(Y−1); otherwise undetermined.
  async function years(before: number, now: number) {
    const year = (y: number, refugees: number): Answer[] =>
      Array.from({ length: 100 }, (_, i) => ({
        learner: `${y}-${i}`,
        at: `${y}-06-01T00:00:00.000Z`,
        groups: { refugee: i < refugees },
      }));
    const roster = (y: number) =>
      Array.from({ length: 100 }, (_, i) => member(`${y}-${i}`, { completedAt: `${y}-03-01` }));
    return storageWith([...year(2025, before), ...year(2026, now)], { c1: [...roster(2025), ...roster(2026)] });
  }

  it.each([
    // Y−1, Y, status, Y's interval, change
    [10, 50, 'met', [40, 60], 4], //        40 ≥ 1.2 × 17 = 20.4
    [30, 10, 'not_met', [6, 17], -0.6667], // 17 < 1.2 × 22 = 26.4
    [10, 15, 'undetermined', [9, 23], 0.5], // 9 < 20.4 and 23 ≥ 1.2 × 6 = 7.2
  ] as const)('%i then %i refugees of 100: %s', async (before, now, status, ci, change) => {
    const { impact } = await impactOf(await years(before, now));
    const refugee = impact.underserved.find((g) => g.group === 'refugee');
    expect(refugee?.share).toMatchObject({ numerator: now, denominator: 100, estimate: now / 100 });
    expect(refugee?.estimatedInCohort).toEqual({ estimate: now, ci95: ci });
    expect(refugee?.previous?.estimatedInCohort?.estimate).toBe(before);
    expect(refugee?.change).toBe(change);
    expect(refugee?.status).toBe(status);
    expect(refugee?.statusReason).toMatch(/\d/);
  });

  it('is undetermined without a previous year, and says why', async () => {
    const storage = await storageWith(many(5, 'l', { groups: { refugee: true } }));
    const refugee = (await impactOf(storage)).impact.underserved.find((g) => g.group === 'refugee');
    expect(refugee).toMatchObject({ previous: null, status: 'undetermined', estimatedInCohort: null });
    expect(refugee?.statusReason).toContain('2025');
  });

  it('is undetermined without a roster population, and says no roster was imported', async () => {
    const storage = await storageWith([
      ...many(10, 'a', { groups: { refugee: true }, at: '2025-05-01T00:00:00.000Z' }),
      ...many(5, 'af', { groups: { refugee: false }, at: '2025-05-01T00:00:00.000Z' }),
      ...many(13, 'b', { groups: { refugee: true } }),
      ...many(5, 'bf', { groups: { refugee: false } }),
    ]);
    const refugee = (await impactOf(storage)).impact.underserved.find((g) => g.group === 'refugee');
    // 13 respondents against 10 would read +30 %, but respondent counts say nothing of how many learners are underserved.
    expect(refugee).toMatchObject({ status: 'undetermined', change: null });
    expect(refugee?.statusReason).toContain('no roster was imported for 2026 and 2025');
    expect(refugee?.statusReason).toContain('respondent counts cannot say how many learners are underserved');
  });
});

describe('response rates per cohort and wave', () => {
  it('gives RR1 and RR2 from the dispositions of each cohort and wave with a response in the year', async () => {
    // Ten members due m0; four complete, one partial answering 1 of 1 question (≥ half: 1.2); none in 4.10.
    const roster = { c1: Array.from({ length: 10 }, (_, i) => member(`m${i}`)) };
    const answers: Answer[] = [
      ...many(4, 'm', { wave: 'm0', situation: 'employed' }),
      { learner: 'm4', wave: 'm0', situation: 'employed', status: 'partial' },
    ];
    const { impact } = await impactOf(await storageWith(answers, roster));
    expect(impact.responseRates).toEqual([
      {
        cohort: 'c1',
        wave: 'm0',
        population: { count: 10 },
        rr1: expect.objectContaining({ numerator: 4, denominator: 10, estimate: 0.4 }),
        rr2: expect.objectContaining({ numerator: 5, denominator: 10, estimate: 0.5 }),
      },
    ]);
  });
});

describe('carbon: the survey displays of the year', () => {
  const shown = (i: number, at: string, surveyId = SURVEY): StoredContactEvent => ({
    id: `00000000-0000-7000-9000-${i.toString(16).padStart(12, '0')}`,
    kind: 'shown',
    surveyId,
    surveyVersion: 1,
    at,
    context: { trigger: 'delay:0' },
    receivedAt: at,
    siteKey: 'site-a',
    contentHash: `shown-${i}`,
  });

  it('counts the year’s shown events of the survey as its displays, not its responses', async () => {
    const storage = await storageWith(many(2, 'r', { outcome: true }));
    await storage.insertContactEvents([
      ...[1, 2, 3, 4, 5].map((i) => shown(i, `2026-0${i}-10T08:00:00.000Z`)),
      shown(6, '2025-12-31T23:59:59.000Z'), // the year before
      shown(7, '2026-05-10T08:00:00.000Z', 'other-survey'),
    ]);
    const { carbon } = (await impactOf(storage, {}, { widgetDist: undefined })).impact;
    expect(carbon.displays).toBe(5);
    expect(carbon.responses).toBe(2);
  });

  it('falls back to the responses as displays when no shown event is recorded', async () => {
    const { carbon } = (await impactOf(await storageWith(many(2, 'r', { outcome: true })))).impact;
    expect(carbon.displays).toBe(2);
  });
});
