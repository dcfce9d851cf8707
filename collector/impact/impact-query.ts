import { COHORT_ID_PATTERN, COHORT_ID_RULE, SURVEY_ID_PATTERN, SURVEY_ID_RULE } from '../../protocol/index.ts';
import { ATTR_COLUMN_PATTERN } from '../denominators/roster-columns.ts';

export type ImpactQueryErrorCode = 'invalid_parameter' | 'unknown_survey' | 'unknown_cohort';

export class ImpactQueryError extends Error {
  override name = 'ImpactQueryError';
  constructor(
    message: string,
    readonly code: ImpactQueryErrorCode,
  ) {
    super(message);
  }
}

/** What GET /v1/impact and `npm run impact-report` are asked; filters narrow the population and the respondents. */
export type ImpactQuery = {
  surveyId: string;
  year: number;
  cohortId?: string;
  country?: string;
  courseId?: string;
  pathId?: string;
  /** Roster attributes to rake the respondents to (country, course_id, path_id, attr_<name>). */
  weights?: string[];
};

/** The roster columns weights may name besides attr_<name>. */
export const WEIGHT_COLUMNS = ['country', 'course_id', 'path_id'] as const;

const shown = (v: string) => JSON.stringify(v.length > 64 ? `${v.slice(0, 64)}…` : v);
// A course or path id as the widget sends it (protocol/survey-response.ts: plain text up to 128 characters).
const PLAIN_ID = /^\P{Cc}{1,128}$/u;
const PARAMETERS = ['survey', 'year', 'cohort', 'country', 'course_id', 'path_id', 'weights'];
const YEAR = /^\d{4}$/;
const COUNTRY = /^[A-Z]{2}$/;

/**
 * The query string of GET /v1/impact, each parameter checked and the first wrong one named with what it takes.
 * Whether the survey is served and the cohort imported is buildImpact's to say (it knows the storage), with the
 * same error class and the codes unknown_survey and unknown_cohort.
 */
export function parseImpactQuery(raw: Readonly<Record<string, string | undefined>>, where: string): ImpactQuery {
  const fail = (message: string): never => {
    throw new ImpactQueryError(`${where}: ${message}`, 'invalid_parameter');
  };
  const unknown = Object.keys(raw).find((k) => !PARAMETERS.includes(k));
  if (unknown !== undefined) fail(`unknown parameter ${shown(unknown)}: the parameters are ${PARAMETERS.join(', ')}`);
  const { survey, year, cohort, country, course_id: courseId, path_id: pathId, weights } = raw;
  if (!survey) return fail('survey is missing: give the survey id, such as survey=career-outcomes');
  if (!SURVEY_ID_PATTERN.test(survey)) fail(`survey ${shown(survey)}: ${SURVEY_ID_RULE}`);
  if (!year) return fail('year is missing: give the calendar year of the figures, four digits, such as year=2026');
  if (!YEAR.test(year) || Number(year) < 1970)
    fail(`year ${shown(year)}: expected a calendar year of four digits from 1970, such as year=2026`);
  const q: ImpactQuery = { surveyId: survey, year: Number(year) };
  if (cohort !== undefined) {
    if (!COHORT_ID_PATTERN.test(cohort)) fail(`cohort ${shown(cohort)}: ${COHORT_ID_RULE}`);
    q.cohortId = cohort;
  }
  if (country !== undefined) {
    if (!COUNTRY.test(country)) fail(`country ${shown(country)}: expected an ISO 3166-1 alpha-2 code such as FR`);
    q.country = country;
  }
  for (const [name, value, key] of [
    ['course_id', courseId, 'courseId'],
    ['path_id', pathId, 'pathId'],
  ] as const)
    if (value !== undefined) {
      if (!PLAIN_ID.test(value))
        fail(`${name} ${shown(value)}: expected the id as the roster gives it, 1 to 128 characters`);
      q[key] = value;
    }
  if (weights !== undefined) {
    const names = weights.split(',').map((w) => w.trim());
    for (const name of names)
      if (!(WEIGHT_COLUMNS as readonly string[]).includes(name) && !ATTR_COLUMN_PATTERN.test(name))
        fail(
          `weights ${shown(name)}: expected roster columns separated by commas, from ${WEIGHT_COLUMNS.join(', ')} or attr_<name>, such as weights=country,attr_funding`,
        );
    if (new Set(names).size !== names.length) fail(`weights ${shown(weights)}: name each column once`);
    q.weights = names;
  }
  return q;
}
