import type Database from 'better-sqlite3';
import { SQLITE_CONTEXT } from '../filter-sql.ts';
import { type Keyset, keysetPage } from '../keyset-page.ts';
import type { ResponseFilter, StoredResponse } from '../storage.ts';
import { fromRow, type JoinedRow } from '../stored-row.ts';

// INDEXED BY (issue 9): with a survey filter and no table statistics, SQLite chose responses_survey
// and then sorted every remaining row in a temp B-tree for each page of 1,000, so an export was
// quadratic (1,000,000 rows did not finish in 240 s). Both indexes below hand rows over in export
// order and let the keyset seek, so each page reads only its own rows: responses_survey when the
// survey and its version are fixed (it then holds just the matching rows), responses_export otherwise.
// Rows come back as arrays (better-sqlite3's raw mode) in this order and are made into JoinedRow by one object
// literal: building an object per row key by key was a quarter of the read time of an export (issue 20).
const COLUMNS = [
  'id',
  'survey_id',
  'survey_version',
  'submitted_at',
  'submitted_sent',
  'received_at',
  'locale',
  'country',
  'consent_sensitive',
  'consent_version',
  'consent_groups',
  'learner_hash',
  'learner_ref_status',
  'context',
  'answers',
  'flags',
  'content_hash',
  'site_key',
  'status',
] as const;
type RawRow = unknown[];

// Smaller than PostgreSQL's pages (a page here is no round trip, only a seek in the index): a page's rows stay
// alive while it is written out, and 1,000 of them outlived the young generation and grew the old one (issue 20).
const SQLITE_PAGE = 250;

const select = (index: string) => `SELECT ${COLUMNS.map((c) => `r.${c}`).join(', ')}, s.answers, s.flags
  FROM responses r INDEXED BY ${index} LEFT JOIN sensitive_answers s ON s.response_id = r.id`;

const joined = (t: RawRow): JoinedRow => ({
  id: t[0] as string,
  survey_id: t[1] as string,
  survey_version: t[2] as number,
  submitted_at: t[3] as string,
  submitted_sent: t[4] as string,
  received_at: t[5] as string,
  locale: t[6] as string,
  country: t[7] as string | null,
  consent_sensitive: t[8] as number,
  consent_version: t[9] as string,
  consent_groups: t[10],
  learner_hash: t[11] as string | null,
  learner_ref_status: t[12] as JoinedRow['learner_ref_status'],
  context: t[13],
  answers: t[14],
  flags: t[15],
  content_hash: t[16] as string,
  site_key: t[17] as string,
  status: t[18] as JoinedRow['status'],
  sensitive_answers: t[19],
  sensitive_flags: t[20],
});

const orderedIndex = (f: ResponseFilter) =>
  f.surveyId !== undefined && f.surveyVersion !== undefined ? 'responses_survey' : 'responses_export';

/** One page's query; exported so a test can check its plan. */
export function sqlitePage(
  filter: ResponseFilter,
  after?: Keyset,
  through?: Keyset,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const tail = keysetPage(
    filter,
    after,
    (v) => {
      params.push(v);
      return '?';
    },
    SQLITE_CONTEXT,
    SQLITE_PAGE,
    through,
  );
  return { sql: `${select(orderedIndex(filter))} ${tail}`, params };
}

/** Part of the export order: the rows after `after` (exclusive) up to `through` (inclusive); either may be open. */
export type KeysetRange = { after?: Keyset; through?: Keyset };

/**
 * Matching responses in (submitted_at, id) order, a keyset page at a time. Pages rather than one long
 * stmt.iterate(): an open iterator keeps the only connection busy, blocking every insert until a slow
 * export finished.
 */
export async function* sqliteResponses(db: Database.Database, filter: ResponseFilter): AsyncGenerator<StoredResponse> {
  yield* sqliteRows(db, filter);
}

/**
 * The same rows read synchronously, narrowed to one stretch of the export order by `range`: an export read by two
 * threads, each a range at a time (export/sqlite-blocks.ts), without a promise per row.
 */
export function* sqliteRows(
  db: Database.Database,
  filter: ResponseFilter,
  range: KeysetRange = {},
): Generator<StoredResponse> {
  const first = sqlitePage(filter, range.after, range.through);
  let rows = db
    .prepare<unknown[], RawRow>(first.sql)
    .raw()
    .all(...first.params);
  // Only the keyset values change from page to page: the statement is prepared once for the stream.
  let next: Database.Statement<unknown[], RawRow> | undefined;
  for (;;) {
    for (const row of rows) yield fromRow(joined(row));
    if (rows.length < SQLITE_PAGE) return;
    const last = rows[rows.length - 1];
    // A range that ends on a page's last row needs no query to learn that nothing follows.
    if (range.through && last[3] === range.through.at && last[0] === range.through.id) return;
    const p = sqlitePage(filter, { at: last[3] as string, id: last[0] as string }, range.through);
    next ??= db.prepare<unknown[], RawRow>(p.sql).raw();
    rows = next.all(...p.params);
  }
}
