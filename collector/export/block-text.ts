import type { StoredResponse } from '../storage/storage.ts';

/**
 * Rows are joined into texts of about this many UTF-16 code units, as in export-chunks.ts: a range's text in one
 * string (a thousand rows, a megabyte or two) kept every row's pieces alive until the end of the range, past the
 * young generation, and the export spent half its time collecting them (bench/profiles/export.md).
 */
const CHUNK_CHARS = 64 * 1024;

/** One range's rows as texts of about CHUNK_CHARS each, in order; `counted` hears how many rows there were. */
export function* blockChunks(
  rows: Iterable<StoredResponse>,
  line: (r: StoredResponse) => string,
  counted: (rows: number) => void,
): Generator<string> {
  let chunk = '';
  let count = 0;
  for (const r of rows) {
    chunk += line(r);
    count++;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk.length > 0) yield chunk;
  counted(count);
}
