import type { CohortWaveRates } from '../../protocol/index.ts';
import { DEFAULT_PARTIAL_THRESHOLD } from '../denominators/disposition.ts';
import { responseRates } from '../denominators/response-rates.ts';
import { DEFAULT_SCHEDULE, type ScheduledWave } from '../denominators/wave-schedule.ts';
import type { DisclosureRules, PublishedCount } from '../report/disclosure-control.ts';
import type { DenominatorStorage } from '../storage/denominator-storage.ts';
import { publishedSum } from './publish-count.ts';
import { rateCell } from './stats/rate-cell.ts';

/** AAPOR's eligible and unknown-eligibility dispositions: RR1's and RR2's denominator (4.10 is in neither). */
const RR_BASE = ['1.1', '1.2', '2.11', '2.12', '2.20', '3.30', '3.90'] as const;

export type RateSettings = { schedule?: readonly ScheduledWave[]; partialThreshold?: number };

/**
 * RR1 and RR2 per cohort of the population and per wave with a response in the year, from the cohort's
 * published dispositions (collector/denominators/response-rates.ts): the whole cohort, as /v1/response-rates
 * gives it, so the rates agree with that route's.
 */
export async function impactResponseRates(
  denominators: DenominatorStorage,
  surveyId: string,
  cohorts: readonly string[],
  waves: ReadonlySet<string>,
  settings: RateSettings & { at: Date },
  rules: DisclosureRules,
): Promise<CohortWaveRates[]> {
  const out: CohortWaveRates[] = [];
  for (const cohortId of cohorts)
    for (const wave of [...waves].sort()) {
      const r = await responseRates(
        denominators,
        {
          surveyId,
          cohortId,
          wave,
          schedule: settings.schedule ?? DEFAULT_SCHEDULE,
          partialThreshold: settings.partialThreshold ?? DEFAULT_PARTIAL_THRESHOLD,
          at: settings.at,
        },
        rules,
      );
      const count = (code: string): PublishedCount => {
        const v = r.dispositions[code as keyof typeof r.dispositions];
        return v === null ? { count: null, suppressed: r.suppressed?.[code] ?? 'complementary' } : { count: v };
      };
      const base = publishedSum(RR_BASE.map(count));
      const population: PublishedCount =
        r.population === null
          ? { count: null, suppressed: r.suppressed?.population ?? 'below_k' }
          : { count: r.population };
      out.push({
        cohort: cohortId,
        wave,
        population,
        rr1: rateCell(count('1.1'), base, rules),
        rr2: rateCell(publishedSum([count('1.1'), count('1.2')]), base, rules),
      });
    }
  return out;
}
