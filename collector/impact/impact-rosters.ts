import type { DenominatorStorage, StoredMember } from '../storage/denominator-storage.ts';
import { inYear } from './year-range.ts';

export type Membership = { cohort: string; member: StoredMember };

/** Every membership of the cohorts read, by learner: the population of any year and the roster values of respondents. */
export type Rosters = { cohorts: string[]; byLearner: Map<string, Membership[]> };

/** A population member: the learner and the roster columns of its first membership in the year (by cohort id). */
export type PopulationMember = Membership & { learnerHash: string };

/** Reads the cohorts' rosters once; memory is one small record per membership. */
export async function readRosters(storage: DenominatorStorage, cohorts: readonly string[]): Promise<Rosters> {
  const byLearner = new Map<string, Membership[]>();
  for (const cohort of [...cohorts].sort())
    for await (const member of storage.rosterMembers(cohort)) {
      const list = byLearner.get(member.learnerHash) ?? [];
      list.push({ cohort, member });
      byLearner.set(member.learnerHash, list);
    }
  return { cohorts: [...cohorts].sort(), byLearner };
}

const dateOf = (m: StoredMember) => m.completedAt ?? m.enrolledAt;

/**
 * The population of a year: members (each learner once) whose completed_at, else enrolled_at, falls in it. With
 * a cohort named (`named`), its undated members are in it too; without, they are left out and counted.
 */
export function populationOf(
  rosters: Rosters,
  year: number,
  named: boolean,
): { members: PopulationMember[]; undated: number } {
  const members: PopulationMember[] = [];
  let undated = 0;
  for (const [learnerHash, memberships] of rosters.byLearner) {
    const chosen = memberships.find((m) => inYear(dateOf(m.member), year) || (named && dateOf(m.member) === undefined));
    if (chosen) members.push({ ...chosen, learnerHash });
    else if (memberships.every((m) => dateOf(m.member) === undefined)) undated++;
  }
  return { members, undated };
}
