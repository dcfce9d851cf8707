import type { MemberFields } from '../denominators/roster-diff.ts';
import type { StoredMember } from './denominator-storage.ts';

/** The columns of `cohort_members` but cohort_id; attrs as JSON text. */
export type MemberRow = {
  learner_hash: string;
  enrolled_at: string | null;
  completed_at: string | null;
  country: string | null;
  course_id: string | null;
  path_id: string | null;
  attrs: unknown;
};

const COLUMNS = [
  ['enrolled_at', 'enrolledAt'],
  ['completed_at', 'completedAt'],
  ['country', 'country'],
  ['course_id', 'courseId'],
  ['path_id', 'pathId'],
] as const;

export function toMemberRow(m: StoredMember): MemberRow {
  return {
    learner_hash: m.learnerHash,
    enrolled_at: m.enrolledAt ?? null,
    completed_at: m.completedAt ?? null,
    country: m.country ?? null,
    course_id: m.courseId ?? null,
    path_id: m.pathId ?? null,
    attrs: JSON.stringify(m.attrs),
  };
}

// SQLite hands JSON columns back as text, pg as parsed values.
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

export function fromMemberRow(row: MemberRow): StoredMember {
  const m: StoredMember = { learnerHash: row.learner_hash, attrs: json(row.attrs) ?? {} };
  for (const [column, key] of COLUMNS) {
    const v = row[column];
    if (v !== null) m[key] = v;
  }
  return m;
}

/** A member in the roster file's own column names (attr_ prefixed), as roster-diff.ts compares and records them. */
export function memberFields(m: StoredMember): MemberFields {
  const fields: Record<string, string> = {};
  for (const [column, key] of COLUMNS) {
    const v = m[key];
    if (v !== undefined) fields[column] = v;
  }
  for (const [name, v] of Object.entries(m.attrs)) fields[`attr_${name}`] = v;
  return fields;
}
