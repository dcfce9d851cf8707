import type { DenominatorStorage } from '../storage/denominator-storage.ts';
import { parseRateQuery, type RateQuery, RateQueryError } from './rate-query.ts';
import type { ScheduledWave } from './wave-schedule.ts';

export type RateQuerySources = {
  denominators: DenominatorStorage;
  schedule: readonly ScheduledWave[];
  /** Whether a survey id is served (SurveyRegistry.latest). */
  knownSurvey: (id: string) => boolean;
};

/**
 * parseRateQuery, then the cohort looked up: an id without a roster is refused (404 on the routes), never answered
 * with a population of 0 that would read as a real, empty cohort. The routes and the CLI share it, so both refuse
 * the same things with the same words.
 */
export async function resolveRateQuery(
  raw: Readonly<Record<string, string | undefined>>,
  where: string,
  { denominators, schedule, knownSurvey }: RateQuerySources,
): Promise<RateQuery> {
  const q = parseRateQuery(raw, where, schedule, knownSurvey);
  const cohorts = await denominators.cohorts();
  if (!cohorts.some((c) => c.id === q.cohortId))
    throw new RateQueryError(
      `${where}: cohort ${JSON.stringify(q.cohortId)} has no roster: import it first (PUT /v1/cohorts/${q.cohortId} or npm run cohort -- import); GET /v1/cohorts lists those imported`,
      'unknown_cohort',
    );
  return q;
}
