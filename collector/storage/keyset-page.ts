import { type ContextText, filterSql, PAGE_SIZE } from './filter-sql.ts';
import type { ResponseFilter } from './storage.ts';

/** Where the previous page ended: the (submitted_at, id) of its last row. */
export type Keyset = { at: string; id: string };

/**
 * The WHERE and ORDER BY of one page of responses in export order, for both adapters (`param`
 * adds a value and returns its placeholder). After the first page the keyset is the only lower
 * bound: every row past the last one is past "from" too, and keeping "from" beside it let SQLite
 * seek from "from" again on every page, reading all earlier rows each time (issue 9).
 */
export function keysetPage(
  filter: ResponseFilter,
  after: Keyset | undefined,
  param: (v: unknown) => string,
  context: ContextText,
  limit = PAGE_SIZE,
  through?: Keyset,
): string {
  const conditions = filterSql(after ? { ...filter, from: undefined } : filter, param, context);
  if (after) conditions.push(`(r.submitted_at, r.id) > (${param(after.at)}, ${param(after.id)})`);
  // The last row of a range, when a reader takes only one range of the export (export/sqlite-blocks.ts).
  if (through) conditions.push(`(r.submitted_at, r.id) <= (${param(through.at)}, ${param(through.id)})`);
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
  return `${where} ORDER BY r.submitted_at, r.id LIMIT ${limit}`;
}
