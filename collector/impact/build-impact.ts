import type { Impact } from '../../protocol/index.ts';
import type { DisclosureRules } from '../report/disclosure-control.ts';
import type { Storage } from '../storage/storage.ts';
import type { SurveyRegistry } from '../surveys/survey-registry.ts';
import { carbon } from './carbon.ts';
import { careerOutcomes } from './career-outcomes.ts';
import { ethnicOutcomes } from './ethnic-outcomes.ts';
import type { Evidence } from './evidence.ts';
import { firstQuestionBytes } from './first-question-bytes.ts';
import { groupOutcomes } from './group-outcomes.ts';
import { impactMethods } from './impact-methods.ts';
import { type ImpactQuery, ImpactQueryError } from './impact-query.ts';
import { impactResponseRates, type RateSettings } from './impact-response-rates.ts';
import { readRosters } from './impact-rosters.ts';
import { insertionRates } from './insertion-rates.ts';
import { nonresponse } from './nonresponse.ts';
import { publishCount } from './publish-count.ts';
import { underservedGroups } from './underserved-groups.ts';
import { weightedFigures } from './weighted.ts';
import { yearData } from './year-data.ts';
import { yearRange } from './year-range.ts';

export type ImpactSettings = DisclosureRules &
  RateSettings & {
    /** IMPACT_CAREER_TARGET: career outcomes a year the committee aims for. */
    impactCareerTarget?: number;
    /** WIDGET_DIST: the widget's build, whose first-question bytes the carbon figures weigh. */
    widgetDist?: string;
  };

export type ImpactDeps = { storage: Storage; surveys: SurveyRegistry; settings: ImpactSettings };

export const DEFAULT_CAREER_TARGET = 500_000;

const shown = (v: string) => JSON.stringify(v);

/**
 * The mission report's figures for one survey and year (docs/impact.md), and the response ids behind every
 * published numerator. Every count passes disclosure control and every rate is computed from published counts.
 */
export async function buildImpact(
  deps: ImpactDeps,
  query: ImpactQuery,
  now: Date = new Date(),
): Promise<{ impact: Impact; evidence: Evidence }> {
  const { storage, surveys, settings } = deps;
  const survey = surveys.latest(query.surveyId);
  if (!survey)
    throw new ImpactQueryError(
      `survey ${shown(query.surveyId)} is not served: check the id against the files in SURVEYS_DIR`,
      'unknown_survey',
    );
  const cohorts = (await storage.cohorts()).map((c) => c.id);
  if (query.cohortId !== undefined && !cohorts.includes(query.cohortId))
    throw new ImpactQueryError(
      `cohort ${shown(query.cohortId)} has no roster: import it first (PUT /v1/cohorts/${query.cohortId} or npm run cohort -- import); GET /v1/cohorts lists those imported`,
      'unknown_cohort',
    );
  const rules: DisclosureRules = {
    minCell: settings.minCell,
    roundTo: settings.roundTo,
    minPercentBase: settings.minPercentBase,
  };
  const rosters = await readRosters(storage, query.cohortId === undefined ? cohorts : [query.cohortId]);
  const data = await yearData(storage, rosters, query, query.year);
  const before = await yearData(storage, rosters, query, query.year - 1);
  const evidence: Evidence = new Map();

  const members = publishCount(data.population.length, rules);
  const respondents = publishCount(data.respondents.length, rules);
  const target = settings.impactCareerTarget ?? DEFAULT_CAREER_TARGET;
  const insertion = insertionRates(data.respondents, rules, evidence);
  // The survey's displays of the year, counted in the database over the whole year, filters aside (as the bytes).
  const shownEvents = await storage.countContactEvents({
    surveyId: query.surveyId,
    kind: 'shown',
    ...yearRange(query.year),
  });
  const impact: Impact = {
    survey: query.surveyId,
    year: query.year,
    generatedAt: now.toISOString(),
    rules,
    filters: {
      ...(query.cohortId === undefined ? {} : { cohort: query.cohortId }),
      ...(query.country === undefined ? {} : { country: query.country }),
      ...(query.courseId === undefined ? {} : { course_id: query.courseId }),
      ...(query.pathId === undefined ? {} : { path_id: query.pathId }),
    },
    population: {
      cohorts: data.cohorts,
      members,
      respondents,
      outsideRoster: publishCount(data.outsideRoster, rules),
      undatedMembers: data.undatedMembers,
    },
    careerOutcomes: careerOutcomes(data, insertion, target, rules, evidence),
    byGroup: groupOutcomes(data.respondents, rules, evidence),
    byEthnicGroup: ethnicOutcomes(survey, data.respondents, rules, evidence),
    underserved: underservedGroups(
      { year: data.year, respondents: data.respondents, population: members, rostered: data.population.length > 0 },
      {
        year: before.year,
        respondents: before.respondents,
        population: publishCount(before.population.length, rules),
        rostered: before.population.length > 0,
      },
      rules,
      evidence,
    ),
    responseRates: await impactResponseRates(
      storage,
      query.surveyId,
      data.cohorts,
      data.waves,
      { ...settings, at: now },
      rules,
    ),
    nonresponse: nonresponse(data.population, rules),
    ...(query.weights === undefined ? {} : { weighted: weightedFigures(data.population, query.weights, rules) }),
    carbon: carbon({
      bytesPerDisplay: settings.widgetDist === undefined ? null : firstQuestionBytes(settings.widgetDist),
      responses: data.responses,
      responseBytes: data.responseBytes,
      shown: shownEvents > 0 ? shownEvents : null,
      members: members.count,
      respondents: respondents.count ?? 0,
    }),
    methods: [],
  };
  impact.methods = impactMethods(impact, survey);
  return { impact, evidence };
}
