import type Database from 'better-sqlite3';
import type { Keyset } from '../storage/keyset-page.ts';
import { sortTime } from '../storage/sort-time.ts';
import type { KeysetRange } from '../storage/sqlite/sqlite-responses.ts';
import type { ResponseFilter } from '../storage/storage.ts';

const KEYS = 'SELECT submitted_at AS at, id FROM responses INDEXED BY responses_export';

/**
 * The export order cut into ranges of `size` responses each, so two threads can each read and format every other
 * range. The cuts are found in the (submitted_at, id) index alone, no table row read: they count every response,
 * so a filtered export's ranges hold fewer matching rows (the reader applies the filter), never the wrong ones.
 * The last range is open-ended; a range past the filter's "to" is never made.
 */
export function* sqliteBlocks(db: Database.Database, filter: ResponseFilter, size: number): Generator<KeysetRange> {
  const from = filter.from === undefined ? undefined : sortTime(filter.from, 'filter "from"');
  const to = filter.to === undefined ? undefined : sortTime(filter.to, 'filter "to"');
  const first = db.prepare<unknown[], Keyset>(
    `${KEYS} ${from === undefined ? '' : 'WHERE submitted_at >= ?'} ORDER BY submitted_at, id LIMIT 1 OFFSET ?`,
  );
  const next = db.prepare<unknown[], Keyset>(
    `${KEYS} WHERE (submitted_at, id) > (?, ?) ORDER BY submitted_at, id LIMIT 1 OFFSET ?`,
  );
  let after: Keyset | undefined;
  for (;;) {
    const through = after
      ? next.get(after.at, after.id, size - 1)
      : first.get(...(from === undefined ? [] : [from]), size - 1);
    if (!through || (to !== undefined && through.at >= to)) {
      yield after ? { after } : {};
      return;
    }
    yield after ? { after, through } : { through };
    after = through;
  }
}
