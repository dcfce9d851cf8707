import { describe, expect, it } from 'vitest';
import { DispositionError } from '../../../collector/denominators/disposition.ts';
import { memberDisposition } from '../../../collector/denominators/member-disposition.ts';
import { memberSteps } from '../../../collector/denominators/rate-tally.ts';
import { groupValue, responseRates } from '../../../collector/denominators/response-rates.ts';
import { DEFAULT_SCHEDULE, isWaveDue } from '../../../collector/denominators/wave-schedule.ts';
import type { RateCount, RateCountQuery } from '../../../collector/storage/denominator-storage.ts';
import { AT, COHORT, OUTSIDE } from './cohort-fixture.ts';
import { FakeDenominators } from './fake-denominators.ts';

// Storage that counts in the database (PostgreSQL's rateCounts) hands responseRates counts, not members: the
// figures must be the ones streaming the same members gives. This fake counts its members with the JavaScript
// rules, in reverse order of first appearance, so only the summing and ordering of responseRates is under test.

class CountingDenominators extends FakeDenominators {
  readonly asked: RateCountQuery[] = [];

  async rateCounts(q: RateCountQuery): Promise<RateCount[]> {
    this.asked.push(q);
    // Members with the same group, code and steps share one row, as a GROUP BY gives them.
    const rows = new Map<string, RateCount>();
    for (const m of this.cohortMembers.get(q.cohortId) ?? []) {
      const { events = [], response, optedOut = false, attrs = {}, ...member } = m;
      const facts = { member: { ...member, attrs }, events, ...(response ? { response } : {}), optedOut };
      const ctx = { wave: q.wave, schedule: DEFAULT_SCHEDULE, partialThreshold: q.partialThreshold, at: q.at };
      const { code } = memberDisposition(facts, ctx);
      const row = {
        value: q.by === undefined ? null : groupValue(facts.member, q.by),
        code,
        ...memberSteps(facts, code),
      };
      const key = JSON.stringify(row);
      const seen = rows.get(key);
      if (seen) seen.members++;
      else rows.set(key, { ...row, members: 1 });
    }
    return [...rows.values()].reverse();
  }
}

const EXACT = { minCell: 1, roundTo: 1, minPercentBase: 1 };
const query = { surveyId: 'outcomes-test', cohortId: 'c-2026-01', wave: 'm0', schedule: DEFAULT_SCHEDULE, at: AT };

describe('responseRates over storage that counts in the database', () => {
  it.each([undefined, 'country', 'attr_funding'])('gives what streaming the members gives, by %s', async (by) => {
    const counted = new CountingDenominators({ 'c-2026-01': COHORT }, OUTSIDE);
    const q = { ...query, partialThreshold: 0.5, ...(by ? { by } : {}) };
    const ours = await responseRates(counted, q, EXACT);
    const streamed = await responseRates(new FakeDenominators({ 'c-2026-01': COHORT }, OUTSIDE), q, EXACT);
    expect(ours).toEqual(streamed);
    expect(ours.population).toBe(COHORT.length);
    expect(counted.yielded).toBe(0);
    expect((await counted.rateCounts({ ...q, due: 0, at: AT })).some((r) => r.members > 1)).toBe(true);
  });

  it.each([
    ['m0', 0],
    ['m6', 6],
    ['once', true],
    ['m24', false],
  ] as const)('asks for wave %s with the due rule %s and the query as given', async (wave, due) => {
    const counted = new CountingDenominators({ 'c-2026-01': COHORT }, OUTSIDE);
    await responseRates(counted, { ...query, wave, partialThreshold: 0.7, by: 'country' }, EXACT);
    expect(counted.asked).toEqual([
      { surveyId: query.surveyId, cohortId: query.cohortId, wave, due, at: AT, partialThreshold: 0.7, by: 'country' },
    ]);
    // The rule is the one isWaveDue applies to a member who completed a year before.
    const completed = new Date(AT.getTime() - 366 * 86_400_000);
    expect(typeof due === 'boolean' ? due : true).toBe(isWaveDue(wave, completed, AT, DEFAULT_SCHEDULE));
  });

  it('refuses a partial threshold outside (0, 1] before asking storage', async () => {
    const counted = new CountingDenominators({ 'c-2026-01': COHORT }, OUTSIDE);
    await expect(responseRates(counted, { ...query, partialThreshold: 0 }, EXACT)).rejects.toThrow(DispositionError);
    expect(counted.asked).toEqual([]);
  });
});
