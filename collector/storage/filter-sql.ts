import { sortTime } from './sort-time.ts';
import type { ResponseFilter } from './storage.ts';

/**
 * The WHERE conditions for a filter, over the `responses` table aliased `r`. `param`
 * adds a value and returns its placeholder, so one builder serves `?` (SQLite) and `$n` (pg).
 */
export function filterSql(filter: ResponseFilter, param: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (filter.surveyId !== undefined) where.push(`r.survey_id = ${param(filter.surveyId)}`);
  if (filter.surveyVersion !== undefined) where.push(`r.survey_version = ${param(filter.surveyVersion)}`);
  if (filter.country !== undefined) where.push(`r.country = ${param(filter.country)}`);
  if (filter.from !== undefined) where.push(`r.submitted_at >= ${param(sortTime(filter.from, 'filter "from"'))}`);
  if (filter.to !== undefined) where.push(`r.submitted_at < ${param(sortTime(filter.to, 'filter "to"'))}`);
  return where;
}

/** Rows per page when streaming: small enough for constant memory, large enough to amortise round trips. */
export const PAGE_SIZE = 1000;

export const SELECT_JOINED = `SELECT r.*, s.answers AS sensitive_answers, s.flags AS sensitive_flags
  FROM responses r LEFT JOIN sensitive_answers s ON s.response_id = r.id`;
