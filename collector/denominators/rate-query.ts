import { COHORT_ID_PATTERN, COHORT_ID_RULE, SURVEY_ID_PATTERN, SURVEY_ID_RULE } from '../../protocol/index.ts';
import { ATTR_COLUMN_PATTERN } from './roster-columns.ts';
import { ONCE, type ScheduledWave } from './wave-schedule.ts';

export type RateQueryErrorCode = 'invalid_parameter' | 'unknown_survey' | 'unknown_cohort';

export class RateQueryError extends Error {
  override name = 'RateQueryError';
  constructor(
    message: string,
    readonly code: RateQueryErrorCode,
  ) {
    super(message);
  }
}

export type RateQuery = {
  surveyId: string;
  cohortId: string;
  wave: string;
  by?: string;
  format: 'csv' | 'jsonl';
};

const BY_COLUMNS = ['country', 'course_id', 'path_id'];

const shown = (v: string) => JSON.stringify(v.length > 64 ? `${v.slice(0, 64)}…` : v);

/**
 * The query of GET /v1/response-rates and /v1/dispositions (and the CLI's flags, by the same names): each
 * parameter checked, the first wrong one named with what it takes. `knownSurvey` says whether a survey id is served.
 */
export function parseRateQuery(
  raw: Readonly<Record<string, string | undefined>>,
  where: string,
  schedule: readonly ScheduledWave[],
  knownSurvey: (id: string) => boolean,
): RateQuery {
  const fail = (message: string, code: RateQueryErrorCode = 'invalid_parameter') => {
    throw new RateQueryError(`${where}: ${message}`, code);
  };
  const { survey, cohort, wave, by, format = 'csv' } = raw;
  if (!survey) fail('survey is missing: give the survey id, such as survey=career-outcomes');
  else if (!SURVEY_ID_PATTERN.test(survey)) fail(`survey ${shown(survey)}: ${SURVEY_ID_RULE}`);
  if (!cohort) fail('cohort is missing: give the cohort id of an imported roster, such as cohort=2026-01-web');
  else if (!COHORT_ID_PATTERN.test(cohort)) fail(`cohort ${shown(cohort)}: ${COHORT_ID_RULE}`);
  const waves = [...schedule, ONCE].join(', ');
  if (!wave) fail(`wave is missing: give one of ${waves}`);
  else if (wave !== ONCE && !(schedule as readonly string[]).includes(wave))
    fail(`wave ${shown(wave)}: expected one of the survey's waves, ${waves}`);
  if (by !== undefined && !BY_COLUMNS.includes(by) && !ATTR_COLUMN_PATTERN.test(by))
    fail(
      `by ${shown(by)}: expected a roster column, one of ${BY_COLUMNS.join(', ')} or attr_<name> such as attr_funding`,
    );
  if (format !== 'csv' && format !== 'jsonl') fail(`format ${shown(format)}: expected csv or jsonl`);
  if (!knownSurvey(survey as string))
    fail(
      `survey ${shown(survey as string)} is not served: check the id against the files in SURVEYS_DIR`,
      'unknown_survey',
    );
  return {
    surveyId: survey as string,
    cohortId: cohort as string,
    wave: wave as string,
    ...(by === undefined ? {} : { by }),
    format: format as 'csv' | 'jsonl',
  };
}
