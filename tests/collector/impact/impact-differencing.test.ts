import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredMember } from '../../../collector/storage/denominator-storage.ts';
import { type Answer, impactOf, member, storageWith } from './impact-fixture.ts';

const RULES = { minCell: 10, roundTo: 5, minPercentBase: 20 };
const COUNTRIES = ['FR', 'GB', 'KE'] as const;
const COURSES = ['web', 'care'] as const;

type Person = {
  country: number;
  course: number;
  cohort: number;
  answers: boolean;
  outcome: boolean;
  jobseeker: boolean | null;
};
type Found = { count: number | null };

/** Every published count of an Impact, by its JSON path: ImpactCount `count`s and RateCell numerators and denominators. */
function countsOf(value: unknown, path = '', out = new Map<string, Found>()): Map<string, Found> {
  if (Array.isArray(value))
    for (const [i, v] of value.entries()) countsOf(v, `${path}[${(v as { group?: string })?.group ?? i}]`, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('count' in o && (typeof o.count === 'number' || o.count === null))
      out.set(path, { count: o.count as number | null });
    if ('numerator' in o && 'estimate' in o) {
      out.set(`${path}.numerator`, { count: o.numerator as number | null });
      out.set(`${path}.denominator`, { count: o.denominator as number | null });
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'methods' && k !== 'carbon') countsOf(v, `${path}.${k}`, out);
  }
  return out;
}

/** Every RateCell of an Impact. */
function ratesOf(
  value: unknown,
  out: { numerator: number | null; denominator: number | null; estimate: number | null }[] = [],
) {
  if (Array.isArray(value)) for (const v of value) ratesOf(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if ('numerator' in o && 'estimate' in o) out.push(o as never);
    for (const v of Object.values(o)) ratesOf(v, out);
  }
  return out;
}

const person = fc.record({
  country: fc.integer({ min: 0, max: 2 }),
  course: fc.integer({ min: 0, max: 1 }),
  cohort: fc.integer({ min: 0, max: 1 }),
  answers: fc.boolean(),
  outcome: fc.boolean(),
  jobseeker: fc.option(fc.boolean(), { nil: null }),
});

async function build(people: Person[]) {
  const rosters: Record<string, StoredMember[]> = { c0: [], c1: [] };
  const answers: Answer[] = [];
  people.forEach((p, i) => {
    const learner = `p${i}`;
    rosters[`c${p.cohort}`].push(member(learner, { country: COUNTRIES[p.country], courseId: COURSES[p.course] }));
    if (p.answers)
      answers.push({
        learner,
        country: COUNTRIES[p.country],
        outcome: p.outcome,
        groups: { jobseeker: p.jobseeker, any_underserved: p.jobseeker },
        situation: p.outcome ? 'employed' : 'looking',
      });
  });
  return storageWith(answers, rosters);
}

describe('GET /v1/impact: no withheld or small count comes back by difference between two queries', () => {
  it('adding a filter (country, course, both, or one cohort of two) never pins a difference of 1 to k − 1 people', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { minLength: 40, maxLength: 160 }),
        fc.constantFrom<Record<string, string>[]>(
          [{}, { country: 'FR' }],
          [{}, { courseId: 'web' }],
          [{ country: 'GB' }, { country: 'GB', courseId: 'care' }],
          [{}, { cohortId: 'c1' }],
          [{ country: 'KE' }, { country: 'KE', cohortId: 'c0' }],
        ),
        async (people, [wide, narrow]) => {
          const storage = await build(people);
          const [pubWide, pubNarrow, exactWide, exactNarrow] = await Promise.all([
            impactOf(storage, wide, RULES),
            impactOf(storage, narrow, RULES),
            impactOf(storage, wide),
            impactOf(storage, narrow),
          ]);
          const pw = countsOf(pubWide.impact);
          const pn = countsOf(pubNarrow.impact);
          const tw = countsOf(exactWide.impact);
          const tn = countsOf(exactNarrow.impact);
          for (const [path, a] of pw) {
            const b = pn.get(path);
            const ta = tw.get(path)?.count;
            const tb = tn.get(path)?.count;
            if (!b || ta == null || tb == null) continue;
            // Every published count is a multiple of ROUND_TO and at least MIN_CELL.
            for (const c of [a.count, b.count]) if (c !== null && c !== 0) expect(c % RULES.roundTo, path).toBe(0);
            const truth = ta - tb;
            if (truth < 1 || truth >= RULES.minCell || a.count === null || b.count === null) continue;
            // An attacker knows each true count lies within ROUND_TO/2 of the published one: the difference they can
            // infer is an interval of several values, the truth among them, never the one small number.
            const half = Math.floor(RULES.roundTo / 2);
            const low = Math.max(0, a.count - b.count - 2 * half);
            const high = a.count - b.count + 2 * half;
            expect(truth, path).toBeGreaterThanOrEqual(low);
            expect(truth, path).toBeLessThanOrEqual(high);
            expect(high - low, path).toBeGreaterThan(0);
          }
          // A rate says nothing its published counts do not: estimate × denominator gives back the published numerator.
          for (const r of [...ratesOf(pubWide.impact), ...ratesOf(pubNarrow.impact)])
            if (r.estimate !== null && r.numerator !== null && r.denominator !== null)
              expect(r.estimate).toBeCloseTo(Math.min(r.numerator, r.denominator) / r.denominator, 6);
        },
      ),
      { numRuns: 60, seed: 18_2026 },
    );
  }, 60_000);
});
