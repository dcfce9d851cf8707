import type Database from 'better-sqlite3';
import { PAGE_SIZE, SQLITE_CONTEXT } from '../filter-sql.ts';
import { type Keyset, keysetPage } from '../keyset-page.ts';
import type { ResponseFilter, StoredResponse } from '../storage.ts';
import { fromRow, type JoinedRow } from '../stored-row.ts';

// INDEXED BY (issue 9): with a survey filter and no table statistics, SQLite chose responses_survey
// and then sorted every remaining row in a temp B-tree for each page of 1,000, so an export was
// quadratic (1,000,000 rows did not finish in 240 s). Both indexes below hand rows over in export
// order and let the keyset seek, so each page reads only its own rows: responses_survey when the
// survey and its version are fixed (it then holds just the matching rows), responses_export otherwise.
const select = (index: string) => `SELECT r.*, s.answers AS sensitive_answers, s.flags AS sensitive_flags
  FROM responses r INDEXED BY ${index} LEFT JOIN sensitive_answers s ON s.response_id = r.id`;

const orderedIndex = (f: ResponseFilter) =>
  f.surveyId !== undefined && f.surveyVersion !== undefined ? 'responses_survey' : 'responses_export';

/** One page's query; exported so a test can check its plan. */
export function sqlitePage(filter: ResponseFilter, after?: Keyset): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const tail = keysetPage(
    filter,
    after,
    (v) => {
      params.push(v);
      return '?';
    },
    SQLITE_CONTEXT,
  );
  return { sql: `${select(orderedIndex(filter))} ${tail}`, params };
}

/**
 * Matching responses in (submitted_at, id) order, a keyset page at a time. Pages rather than one long
 * stmt.iterate(): an open iterator keeps the only connection busy, blocking every insert until a slow
 * export finished.
 */
export async function* sqliteResponses(db: Database.Database, filter: ResponseFilter): AsyncGenerator<StoredResponse> {
  const first = sqlitePage(filter);
  let rows = db.prepare<unknown[], JoinedRow>(first.sql).all(...first.params);
  // Only the keyset values change from page to page: the statement is prepared once for the stream.
  let next: Database.Statement<unknown[], JoinedRow> | undefined;
  for (;;) {
    for (const row of rows) yield fromRow(row);
    if (rows.length < PAGE_SIZE) return;
    const last = rows[rows.length - 1];
    const p = sqlitePage(filter, { at: last.submitted_at, id: last.id });
    next ??= db.prepare<unknown[], JoinedRow>(p.sql);
    rows = next.all(...p.params);
  }
}
