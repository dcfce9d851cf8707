import type { WeightedFigures } from '../../protocol/index.ts';
import type { DisclosureRules } from '../report/disclosure-control.ts';
import { rosterValue } from './roster-value.ts';
import { designEffect } from './stats/design-effect.ts';
import { type Margin, type RakeOptions, rake } from './stats/rake.ts';
import { wilson } from './stats/wilson.ts';
import type { JoinedMember } from './year-data.ts';

export const DEFAULT_WEIGHT_CAP = 5;

// Weighted estimates to 0.01: a finer figure, set beside the unweighted counts or another year's, could single out
// one respondent by differencing (one weight in 500 moves a share by about 0.002).
const round2 = (v: number) => Math.round(v * 100) / 100;
const shown = (v: string | null) => (v === null ? 'not given' : JSON.stringify(v));

type Estimate = { estimate: number; ci95: [number, number] } | null;

/**
 * The headline rates with raking weights to the population's margins on the named roster columns. The units are
 * the population's respondents (a respondent outside every roster has no roster values to weight by); a value of
 * the population that no respondent has cannot be weighted, so its members are left out of the margins, with a note.
 */
export function weightedFigures(
  population: readonly JoinedMember[],
  attributes: readonly string[],
  rules: DisclosureRules,
  options: RakeOptions = {},
): WeightedFigures {
  const cap = options.cap ?? DEFAULT_WEIGHT_CAP;
  const notes: string[] = [];
  const empty = (note: string): WeightedFigures => ({
    attributes: [...attributes],
    iterations: 0,
    converged: false,
    cap,
    designEffect: 1,
    effectiveN: 0,
    rateAmongKnown: null,
    underservedShare: null,
    notes: [...notes, note],
  });
  if (population.length === 0)
    return empty(
      'no weights: the figures have no roster population to weight to; import the cohort roster (PUT /v1/cohorts/ID) or name a cohort that has one',
    );
  const valuesOf = (m: JoinedMember) => Object.fromEntries(attributes.map((a) => [a, rosterValue(m.member, a)]));
  let kept = population.map((m) => ({ values: valuesOf(m), respondent: m.respondent }));
  for (let dropped = true; dropped; ) {
    dropped = false;
    for (const attribute of attributes) {
      const answered = new Set(kept.filter((u) => u.respondent).map((u) => u.values[attribute]));
      const missing = [...new Set(kept.map((u) => u.values[attribute]))].filter((v) => !answered.has(v));
      for (const value of missing)
        notes.push(
          `${attribute} = ${shown(value)} has members and no respondent, so it cannot be weighted: its members are left out of the margins, and the weighted figures stand for the rest of the population`,
        );
      if (missing.length > 0) {
        kept = kept.filter((u) => !missing.includes(u.values[attribute]));
        dropped = true;
      }
    }
  }
  const units = kept.filter((u) => u.respondent);
  if (units.length === 0) return empty('no weights: no member of the population responded');
  const margins: Margin[] = attributes.map((attribute) => {
    const counts = new Map<string | null, number>();
    for (const u of kept) counts.set(u.values[attribute], (counts.get(u.values[attribute]) ?? 0) + 1);
    return { attribute, counts };
  });
  const raked = rake(
    units.map((u) => u.values),
    margins,
    { ...options, cap },
  );
  if (!raked.converged)
    notes.push(
      raked.capHeld
        ? `the raking did not converge in ${raked.iterations} iterations: the weighted figures are approximate`
        : `weights capped at ${cap} × the mean weight could not meet the margins in ${raked.iterations} iterations: the weighted figures are approximate; fewer weighting columns would help`,
    );
  const spread = designEffect(raked.weights) ?? { designEffect: 1, effectiveN: 0 };
  const estimate = (flag: (u: (typeof units)[number]) => boolean | null | undefined, what: string): Estimate => {
    const known = units.flatMap((u, i) => {
      const v = flag(u);
      return v === null || v === undefined ? [] : [{ v, w: raked.weights[i] }];
    });
    if (known.length < rules.minPercentBase || known.length === 0) {
      notes.push(
        `weighted ${what}: withheld, as fewer respondents than the minimum base of ${rules.minPercentBase} have it known`,
      );
      return null;
    }
    const total = known.reduce((a, k) => a + k.w, 0);
    const share = known.reduce((a, k) => a + (k.v ? k.w : 0), 0) / total;
    const n = designEffect(known.map((k) => k.w))?.effectiveN ?? known.length;
    const ci = wilson(share * n, n) ?? [0, 1];
    return { estimate: round2(share), ci95: [round2(ci[0]), round2(ci[1])] };
  };
  return {
    attributes: [...attributes],
    iterations: raked.iterations,
    converged: raked.converged,
    cap,
    designEffect: round2(spread.designEffect),
    effectiveN: Math.round(spread.effectiveN),
    rateAmongKnown: estimate((u) => u.respondent?.careerOutcome, 'career-outcome rate'),
    underservedShare: estimate((u) => u.respondent?.groups.any_underserved, 'share of underserved learners'),
    notes,
  };
}
