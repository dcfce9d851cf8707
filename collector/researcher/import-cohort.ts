import type { RosterProblem, RosterResult, RosterSink } from '../denominators/roster-builder.ts';
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

/** A roster ready to store: every member hashed, or every problem when there is any. */
export type HashedRoster =
  | { ok: true; members: StoredMember[] }
  | { ok: false; problems: RosterProblem[]; more: number };

/**
 * Parses a roster and hashes each member as the parser hands it over (through the sink, for a parser that
 * streams), so the raw refs of a large roster are never all held at once and go no further than here.
 */
export async function hashRoster(
  parse: (sink: RosterSink) => Promise<RosterResult> | RosterResult,
  secret: string,
): Promise<HashedRoster> {
  const members: StoredMember[] = [];
  const roster = await parse((m) => members.push(toStoredMember(m.learnerRef, m.fields, secret)));
  if (!roster.ok) return roster;
  // A parser that does not stream (JSON) hands its members back instead.
  for (const m of roster.members) members.push(toStoredMember(m.learnerRef, m.fields, secret));
  return { ok: true, members };
}

/** Stores a whole roster, checked and hashed (hashRoster), and says what changed. */
export async function importCohort(
  denominators: Pick<DenominatorStorage, 'importRoster'>,
  cohortId: string,
  members: readonly StoredMember[],
  at: string,
): Promise<CohortImportSummary> {
  const done = await denominators.importRoster(cohortId, members, at);
  const { added, removed, changed } = done;
  return {
    cohort: cohortId,
    members: done.members,
    added,
    removed,
    changed,
    unchanged: done.members - added - changed,
  };
}
