import { LEARNER_REF_PATTERN, LEARNER_REF_RULE, plainText } from '../../protocol/index.ts';

/** The columns a roster may have besides any number of `attr_<name>` ones; only learner_ref is required. */
export const ROSTER_COLUMNS = [
  'learner_ref',
  'enrolled_at',
  'completed_at',
  'country',
  'course_id',
  'path_id',
] as const;
export const ATTR_COLUMN_PATTERN = /^attr_[a-z][a-z0-9_]{0,63}$/;

/** Why a column name is not allowed, or null. */
export function columnProblem(column: string): string | null {
  if ((ROSTER_COLUMNS as readonly string[]).includes(column) || ATTR_COLUMN_PATTERN.test(column)) return null;
  return `unknown column "${column}": the columns are ${ROSTER_COLUMNS.join(', ')} and attr_<name> (name from a–z 0–9 _, starting with a letter, such as attr_funding); rename or remove it`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// Date.parse, not new Date().toISOString(): a month 13 gives NaN here, where toISOString would throw.
const isIsoDate = (v: string) => {
  const ms = ISO_DATE.test(v) ? Date.parse(`${v}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(v);
};
const MAX_TEXT = 128;
const idText = plainText(1, MAX_TEXT);

/** Why a cell's value is wrong, as "expected …, found …: fix", or null. */
export function valueProblem(column: string, value: string): string | null {
  if (column === 'learner_ref')
    // The ref itself is not echoed back: the message may end up in a log.
    return LEARNER_REF_PATTERN.test(value) ? null : `${LEARNER_REF_RULE}: use the learner's id from your own records`;
  const found = `found ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (column === 'enrolled_at' || column === 'completed_at')
    return isIsoDate(value) ? null : `expected an ISO date YYYY-MM-DD such as "2026-01-31", ${found}: rewrite the date`;
  if (column === 'country')
    return /^[A-Z]{2}$/.test(value)
      ? null
      : `expected an ISO 3166-1 alpha-2 country code in capitals such as "FR", ${found}: use the two-letter code`;
  if (value.length > MAX_TEXT) return `expected at most ${MAX_TEXT} characters, found ${value.length}: shorten it`;
  // plainText's message names the character, where it is, and says to remove it.
  const parsed = idText.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? `expected one line of text, ${found}`);
}
