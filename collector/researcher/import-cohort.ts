import type { RosterProblem, RosterResult } from '../denominators/roster-builder.ts';
import { learnerHash } from '../ingest/learner-hash.ts';
import type { DenominatorStorage, StoredMember } from '../storage/denominator-storage.ts';

export const NOTHING_IMPORTED = 'nothing was imported (a roster is imported whole or not at all)';

/** What `PUT /v1/cohorts/:id` answers and `npm run cohort -- import` prints after an import. */
export type CohortImportSummary = {
  cohort: string;
  members: number;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
};

export type CohortImportOutcome =
  | { ok: true; summary: CohortImportSummary }
  | { ok: false; problems: RosterProblem[]; more: number };

const COLUMN_KEYS = {
  enrolled_at: 'enrolledAt',
  completed_at: 'completedAt',
  country: 'country',
  course_id: 'courseId',
  path_id: 'pathId',
} as const;

/** A parsed member as stored: learner_ref replaced by the same keyed hash responses carry, attr_ without its prefix. */
export function toStoredMember(learnerRef: string, fields: Readonly<Record<string, string>>, secret: string) {
  const member: StoredMember = { learnerHash: learnerHash(learnerRef, secret), attrs: {} };
  const attrs: Record<string, string> = {};
  for (const [column, value] of Object.entries(fields)) {
    if (column.startsWith('attr_')) attrs[column.slice('attr_'.length)] = value;
    else if (column in COLUMN_KEYS) member[COLUMN_KEYS[column as keyof typeof COLUMN_KEYS]] = value;
  }
  member.attrs = attrs;
  return member;
}

/**
 * Stores a parsed roster whole, or nothing when it has any problem: a half-imported roster would skew every
 * rate computed on it. The raw refs go no further than this function.
 */
export async function importCohort(
  denominators: Pick<DenominatorStorage, 'importRoster'>,
  cohortId: string,
  roster: RosterResult,
  secret: string,
  at: string,
): Promise<CohortImportOutcome> {
  if (!roster.ok) return roster;
  const members = roster.members.map((m) => toStoredMember(m.learnerRef, m.fields, secret));
  const done = await denominators.importRoster(cohortId, members, at);
  const { added, removed, changed } = done;
  return {
    ok: true,
    summary: {
      cohort: cohortId,
      members: done.members,
      added,
      removed,
      changed,
      unchanged: done.members - added - changed,
    },
  };
}
