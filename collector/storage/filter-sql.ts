import { sortTime } from './sort-time.ts';
import type { ResponseFilter } from './storage.ts';

/** How a database reads one text field of the response's `context` JSON column (SQL, not a value: keys are fixed). */
export type ContextText = (key: 'courseId' | 'pathId') => string;
export const SQLITE_CONTEXT: ContextText = (key) => `json_extract(r.context, '$.${key}')`;
// context is `json`, not `jsonb`: ->> reads it as text all the same.
export const POSTGRES_CONTEXT: ContextText = (key) => `(r.context->>'${key}')`;

/**
 * The WHERE conditions for a filter, over the `responses` table aliased `r`. `param`
 * adds a value and returns its placeholder, so one builder serves `?` (SQLite) and `$n` (pg).
 * Course and path are read from the context JSON without an index: they only narrow rows the
 * survey, version and date conditions already select through an index.
 */
export function filterSql(filter: ResponseFilter, param: (value: unknown) => string, context: ContextText): string[] {
  const where: string[] = [];
  if (filter.surveyId !== undefined) where.push(`r.survey_id = ${param(filter.surveyId)}`);
  if (filter.surveyVersion !== undefined) where.push(`r.survey_version = ${param(filter.surveyVersion)}`);
  if (filter.country !== undefined) where.push(`r.country = ${param(filter.country)}`);
  if (filter.courseId !== undefined) where.push(`${context('courseId')} = ${param(filter.courseId)}`);
  if (filter.pathId !== undefined) where.push(`${context('pathId')} = ${param(filter.pathId)}`);
  if (filter.from !== undefined) where.push(`r.submitted_at >= ${param(sortTime(filter.from, 'filter "from"'))}`);
  if (filter.to !== undefined) where.push(`r.submitted_at < ${param(sortTime(filter.to, 'filter "to"'))}`);
  return where;
}

/** Rows per page when streaming: small enough for constant memory, large enough to amortise round trips. */
export const PAGE_SIZE = 1000;

export const SELECT_JOINED = `SELECT r.*, s.answers AS sensitive_answers, s.flags AS sensitive_flags
  FROM responses r LEFT JOIN sensitive_answers s ON s.response_id = r.id`;
