import { describe, expect, it } from 'vitest';
import { groupValue, responseRates } from '../../../collector/denominators/response-rates.ts';
import { DEFAULT_SCHEDULE } from '../../../collector/denominators/wave-schedule.ts';
import { ResponseRates } from '../../../protocol/index.ts';
import { AT, COHORT, OUTSIDE } from './cohort-fixture.ts';
import { FakeDenominators, type FakeMember } from './fake-denominators.ts';

const EXACT = { minCell: 1, roundTo: 1, minPercentBase: 1 };
const query = { surveyId: 'outcomes-test', cohortId: 'c-2026-01', wave: 'm0', schedule: DEFAULT_SCHEDULE, at: AT };

const rates = (rules = EXACT, by?: string, partialThreshold = 0.5) =>
  responseRates(
    new FakeDenominators({ 'c-2026-01': COHORT }, OUTSIDE),
    { ...query, partialThreshold, ...(by ? { by } : {}) },
    rules,
  );

describe('responseRates', () => {
  it('counts one final disposition per member and the outside-roster responses apart', async () => {
    const r = await rates();
    expect(ResponseRates.safeParse(r).success).toBe(true);
    expect(r.population).toBe(14);
    expect(r.dispositions).toEqual({
      '1.1': 4,
      '1.2': 1,
      '2.11': 3,
      '2.12': 1,
      '2.20': 2,
      '3.30': 0,
      '3.90': 2,
      '4.10': 1,
      outside_roster: 2,
    });
  });

  // By hand, AAPOR groups I = 4, P = 1, R = 2.11 + 2.12 = 4, NC = 2, O = 0, UO = 2 (3.90), 4.10 left out:
  // eligible = 4 + 1 + 4 + 2 + 2 = 13, known eligibility = 11, contacted = I + P + R + O = 9.
  it.each([
    ['RR1', 4 / 13, 0.3077],
    ['RR2', 5 / 13, 0.3846],
    ['RR3', 4 / 13, 0.3077], // e = 1 with a roster: RR3 = RR1
    ['RR4', 5 / 13, 0.3846],
    ['RR5', 4 / 11, 0.3636],
    ['RR6', 5 / 11, 0.4545],
    ['COOP1', 4 / 9, 0.4444],
    ['COOP2', 5 / 9, 0.5556],
    ['REF1', 4 / 13, 0.3077],
    ['CON1', 9 / 13, 0.6923],
  ] as const)('gives %s as computed by hand (%d, %d to four decimals)', async (name, exact, rounded) => {
    const r = await rates();
    expect(r.rates[name]).toBeCloseTo(exact, 10);
    expect(Number(r.rates[name]?.toFixed(4))).toBe(rounded);
  });

  it('moves the partial of 4 of 6 from 1.2 to a break-off when the threshold is above its share', async () => {
    const r = await rates(EXACT, undefined, 0.7);
    // A count of nobody names nobody: the zero is shown (the report, unlike the rates, hides zeros).
    expect(r.dispositions['1.2']).toBe(0);
    expect(r.dispositions['2.12']).toBe(2);
  });

  it('counts the funnel shown, started, completed and members reaching each number of answered questions', async () => {
    const { funnel } = await rates();
    // shown: a1–a4, b1, c1, c3, d1 and g1 (its completed event implies it was shown); c2 opted out unseen.
    expect(funnel).toEqual({
      shown: 9,
      started: 7,
      completed: 5,
      progress: [
        { answered: 1, members: 6 },
        { answered: 2, members: 6 },
        { answered: 3, members: 5 },
        { answered: 4, members: 5 },
        { answered: 5, members: 4 },
        { answered: 6, members: 4 },
      ],
    });
  });

  it('breaks the counts down by a roster column, members without a value last', async () => {
    const r = await rates(EXACT, 'country');
    expect(r.groups.map((g) => [g.value, g.population])).toEqual([
      ['FR', 11],
      ['GB', 2],
      [null, 1],
    ]);
    expect(r.groups[1].dispositions['1.1']).toBe(2);
    // GB's other counts are 0: a count of nobody names nobody, so it is shown (its row is not below k), and
    // GB's RR1 is 2 of 2.
    expect(r.groups[1].dispositions['2.11']).toBe(0);
    expect(r.groups[1].rates.RR1).toBe(1);
  });

  it('withholds a group below k and enough other cells that no hidden count can be recovered', async () => {
    const rules = { minCell: 3, roundTo: 1, minPercentBase: 1 };
    const r = await rates(rules, 'country');
    expect(ResponseRates.safeParse(r).success).toBe(true);
    const gb = r.groups.find((g) => g.value === 'GB');
    expect(gb?.population).toBeNull();
    expect(gb?.suppressed?.population).toBe('below_k');
    expect(Object.values(gb?.rates ?? {}).every((v) => v === null)).toBe(true);
    expect(Object.values(gb?.dispositions ?? {}).every((v) => v === null)).toBe(true);
    // Within a column (one disposition across the groups and the cohort's count) never exactly one hidden.
    for (const code of ['1.1', '1.2', '2.11', '2.12', '2.20', '3.90', '4.10'] as const) {
      const column = [...r.groups.map((g) => g.dispositions[code]), r.dispositions[code]];
      expect(column.filter((n) => n === null).length, code).not.toBe(1);
    }
    // A rate using a hidden count is withheld, as is the outside-roster count below k.
    expect(r.dispositions['1.2']).toBeNull();
    expect(r.rates.RR2).toBeNull();
    expect(r.dispositions.outside_roster).toBeNull();
    expect(r.suppressed?.outside_roster).toBe('below_k');
  });

  // Issue 16: each funnel step of the groups adds up to the cohort's, so one group's hidden step was recovered by
  // subtraction (5 FR members shown, 1 GB member shown and hidden, 6 shown in all: GB = 6 − 5).
  it('never leaves a funnel step hidden in exactly one place across the groups and the cohort', async () => {
    const seen = { completedAt: '2026-01-31', events: [{ kind: 'shown' as const, at: '2026-02-10T09:00:00.000Z' }] };
    const unseen = { completedAt: '2026-01-31' };
    const members = [
      ...['f1', 'f2', 'f3', 'f4', 'f5'].map((h) => ({ learnerHash: h, country: 'FR', ...seen })),
      { learnerHash: 'g1', country: 'GB', ...seen },
      ...['g2', 'g3', 'g4'].map((h) => ({ learnerHash: h, country: 'GB', ...unseen })),
      ...COHORT.filter((m) => m.learnerHash.startsWith('a')).map((m) => ({ ...m, country: 'FR' })),
    ];
    const r = await responseRates(
      new FakeDenominators({ 'c-2026-01': members }),
      { ...query, partialThreshold: 0.5, by: 'country' },
      { minCell: 3, roundTo: 1, minPercentBase: 1 },
    );
    expect(ResponseRates.safeParse(r).success).toBe(true);
    const funnels = [...r.groups.map((g) => g.funnel), r.funnel];
    const column = (step: (f: (typeof funnels)[number]) => number | null) => funnels.map(step);
    const columns = {
      shown: column((f) => f.shown),
      started: column((f) => f.started),
      completed: column((f) => f.completed),
      ...Object.fromEntries(
        r.funnel.progress.map((p, i) => [`answered:${p.answered}`, column((f) => f.progress[i]?.members ?? 0)]),
      ),
    };
    expect(columns.shown[1]).toBeNull();
    for (const [step, counts] of Object.entries(columns))
      expect(counts.filter((n) => n === null).length, step).not.toBe(1);
    // Every group lists the cohort's steps, so a shorter list never says "nobody got this far".
    for (const g of r.groups) expect(g.funnel.progress.map((p) => p.answered)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  // Issue 16: the funnel's "completed" counts the members who completed, which is the 1.1 count when no completion
  // is still on its way, so a 1.1 withheld by complementary suppression was shown again as funnel.completed.
  it('withholds the funnel completed step wherever the complete count is withheld', async () => {
    const at = '2026-02-10T09:00:00.000Z';
    const of = (prefix: string, n: number, m: Partial<FakeMember>): FakeMember[] =>
      Array.from({ length: n }, (_, i) => ({ learnerHash: `${prefix}${i}`, completedAt: '2026-01-31', ...m }));
    const events = (...kinds: ('shown' | 'started')[]) => kinds.map((kind) => ({ kind, at }));
    const members = [
      ...of('a', 4, {
        events: events('shown', 'started'),
        response: { id: 'x', status: 'complete', answered: 6, asked: 6 },
      }),
      ...of('b', 5, {
        events: events('shown', 'started'),
        response: { id: 'y', status: 'partial', answered: 3, asked: 6 },
      }),
      ...of('c', 5, { events: [...events('shown'), { kind: 'dismissed', reason: 'never', at }] }),
      ...of('d', 5, { events: events('shown', 'started') }),
      ...of('e', 5, {}),
      ...of('u', 5, { events: [{ kind: 'undeliverable', at }] }),
      ...of('f', 5, { completedAt: undefined }),
      ...of('h', 2, { completedAt: '2026-06-20' }),
    ];
    const r = await responseRates(
      new FakeDenominators({ 'c-2026-01': members }),
      { ...query, partialThreshold: 0.5 },
      { minCell: 3, roundTo: 1, minPercentBase: 1 },
    );
    // 4.10 = 2 is below k; the smallest other count of the row, 1.1 = 4, goes with it so neither is recovered.
    expect(r.dispositions['4.10']).toBeNull();
    expect(r.dispositions['1.1']).toBeNull();
    expect(r.funnel.completed).toBeNull();
    expect(r.suppressed?.completed).toBe('complementary');
  });

  it('rounds the counts it shows to roundTo and computes the rates from the rounded counts', async () => {
    const r = await rates({ minCell: 1, roundTo: 5, minPercentBase: 1 });
    expect(r.population).toBe(15);
    expect(r.dispositions['1.1']).toBe(5);
    // From the published counts: 1.1 = 5, 1.2 = 0, 2.11 = 5, 2.12 = 0, 2.20 = 0, 3.90 = 0 → RR1 = 5 / 10.
    expect(r.rates.RR1).toBe(0.5);
  });

  it('reads the members once as a stream, whatever the breakdown', async () => {
    const denominators = new FakeDenominators({ 'c-2026-01': COHORT }, OUTSIDE);
    await responseRates(denominators, { ...query, partialThreshold: 0.5, by: 'attr_funding' }, EXACT);
    expect(denominators.yielded).toBe(COHORT.length);
  });

  it.each([
    ['country', 'FR'],
    ['course_id', 'c-1'],
    ['path_id', 'p-1'],
    ['attr_funding', 'public_jobseeker'],
    ['attr_missing', null],
  ])('reads the member value of %s', (by, value) => {
    const member = {
      learnerHash: 'x',
      country: 'FR',
      courseId: 'c-1',
      pathId: 'p-1',
      attrs: { funding: 'public_jobseeker' },
    };
    expect(groupValue(member, by)).toBe(value);
  });
});
