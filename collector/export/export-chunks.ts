import type { ResponseFilter, Storage, StoredResponse } from '../storage/storage.ts';
import type { SurveyRegistry } from '../surveys/survey-registry.ts';
import { csvLine } from './csv-cell.ts';
import { csvRow } from './csv-row.ts';
import { type Column, exportColumns } from './export-columns.ts';
import { type ExportOptions, ExportOptionsError, filterOf } from './export-options.ts';

export type ExportSource = { storage: Storage; surveys: SurveyRegistry };

/** The columns a CSV export of these options has; throws when the survey is missing or unknown. */
export function columnsFor(
  surveys: SurveyRegistry,
  surveyId: string | undefined,
): { surveyId: string; columns: Column[] } {
  const ids = surveys.list().map((s) => s.id);
  const id = surveyId ?? (ids.length === 1 ? ids[0] : undefined);
  if (!id) throw new ExportOptionsError(`survey: required (one of ${ids.join(', ') || 'no surveys loaded'})`);
  const versions = surveys.versions(id);
  if (versions.length === 0)
    throw new ExportOptionsError(`survey: unknown survey "${id}" (known: ${ids.join(', ')})`, 'unknown_survey');
  return { surveyId: id, columns: exportColumns(versions) };
}

/**
 * Rows are joined into chunks of about this many UTF-16 code units before they are handed on: one
 * write and one stream hand-off per row cost more than building the row (issue 9). Small enough for
 * constant memory, large enough that a 1,000,000-row export makes a few thousand writes.
 */
const CHUNK_CHARS = 64 * 1024;

export type Layout = { filter: ResponseFilter; head: string; line: (r: StoredResponse) => string };

/** What an export of these options reads and how it writes each row; the same for every thread that formats rows. */
export function exportLayout(surveys: SurveyRegistry, o: ExportOptions): Layout {
  if (o.format === 'jsonl')
    return { filter: filterOf(o), head: '', line: (r) => `${JSON.stringify(forResearchers(r))}\n` };
  const { surveyId, columns } = columnsFor(surveys, o.survey);
  const delimiter = o.excel ? ';' : ',';
  return {
    filter: { ...filterOf(o), surveyId },
    head:
      (o.bom || o.excel ? '\uFEFF' : '') +
      csvLine(
        columns.map((c) => c.name),
        delimiter,
      ),
    line: csvRow(columns, { labels: o.labels }, delimiter),
  };
}

/**
 * The export as text chunks of many rows, pulled from storage's stream: memory stays constant and a
 * slow reader slows the database read. `onRows` hears how many rows each chunk held. Call columnsFor
 * first when you need to fail early.
 */
export async function* exportChunks(
  src: ExportSource,
  o: ExportOptions,
  onRows?: (count: number) => void,
): AsyncGenerator<string> {
  const { filter, head, line } = exportLayout(src.surveys, o);
  // The header goes alone and first: a client sees the columns before the first page is read.
  if (head) yield head;
  let chunk = '';
  let rows = 0;
  for await (const r of src.storage.responses(filter)) {
    chunk += line(r);
    rows++;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      onRows?.(rows);
      chunk = '';
      rows = 0;
    }
  }
  if (chunk.length > 0) yield chunk;
  if (rows > 0) onRows?.(rows);
}

// Researchers need neither the learner hash (linkage risk) nor the dedupe hash (internal).
function forResearchers(r: StoredResponse): Omit<StoredResponse, 'learnerHash' | 'contentHash'> {
  const { learnerHash: _l, contentHash: _c, ...rest } = r;
  return rest;
}
