import type { Storage } from '../storage/storage.ts';
import type { ImpactQuery } from './impact-query.ts';
import { type Respondent, yearRespondents } from './impact-respondents.ts';
import { type PopulationMember, populationOf, type Rosters } from './impact-rosters.ts';

/** A population member joined to its respondent of the year, if it answered. */
export type JoinedMember = PopulationMember & { respondent?: Respondent };

/** Everything one year's figures are computed from, filters applied. */
export type YearData = {
  year: number;
  population: JoinedMember[];
  respondents: Respondent[];
  /** Respondents on none of the rosters read (with a cohort named: naming it in a link but not on its roster). */
  outsideRoster: number;
  undatedMembers: number;
  /** Cohorts with a member in the population. */
  cohorts: string[];
  responses: number;
  responseBytes: number;
  waves: Set<string>;
};

type Filters = Pick<ImpactQuery, 'cohortId' | 'country' | 'courseId' | 'pathId'>;

const passes = (v: { country?: string; courseId?: string; pathId?: string }, f: Filters) =>
  (f.country === undefined || v.country === f.country) &&
  (f.courseId === undefined || v.courseId === f.courseId) &&
  (f.pathId === undefined || v.pathId === f.pathId);

/**
 * The respondents and population of one year. A respondent on a roster takes the roster's country, course and
 * path (what the school knows), others the response's; with a cohort named, only its members and the responses
 * whose personal link named it are respondents.
 */
export async function yearData(storage: Storage, rosters: Rosters, q: ImpactQuery, year: number): Promise<YearData> {
  const got = await yearRespondents(storage, q.surveyId, year);
  const { members, undated } = populationOf(rosters, year, q.cohortId !== undefined);
  const respondents: Respondent[] = [];
  let outsideRoster = 0;
  for (const r of got.respondents) {
    const memberships = r.learnerHash === undefined ? undefined : rosters.byLearner.get(r.learnerHash);
    if (q.cohortId !== undefined && memberships === undefined && r.cohort !== q.cohortId) continue;
    if (memberships !== undefined) {
      const { country, courseId, pathId } = memberships[0].member;
      r.country = country;
      r.courseId = courseId;
      r.pathId = pathId;
    }
    if (!passes(r, q)) continue;
    respondents.push(r);
    if (memberships === undefined) outsideRoster++;
  }
  const byHash = new Map(respondents.filter((r) => r.learnerHash).map((r) => [r.learnerHash as string, r]));
  const population: JoinedMember[] = [];
  for (const m of members) {
    if (!passes(m.member, q)) continue;
    const respondent = byHash.get(m.learnerHash);
    population.push(respondent ? { ...m, respondent } : m);
  }
  return {
    year,
    population,
    respondents,
    outsideRoster,
    undatedMembers: undated,
    cohorts: [...new Set(population.map((m) => m.cohort))].sort(),
    responses: got.responses,
    responseBytes: got.responseBytes,
    waves: got.waves,
  };
}
