import type { Storage, StoredResponse } from '../storage/storage.ts';
import type { SurveyRegistry } from '../surveys/survey-registry.ts';
import { csvLine } from './csv-cell.ts';
import { type Column, exportColumns } from './export-columns.ts';
import { type ExportOptions, ExportOptionsError, filterOf } from './export-options.ts';
import { rowReader } from './row-values.ts';

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
  if (versions.length === 0) throw new ExportOptionsError(`survey: unknown survey "${id}" (known: ${ids.join(', ')})`);
  return { surveyId: id, columns: exportColumns(versions) };
}

/**
 * The export as text chunks, one per row, pulled from storage's stream: memory stays constant
 * and a slow reader slows the database read. Call columnsFor first when you need to fail early.
 */
export async function* exportChunks(src: ExportSource, o: ExportOptions, onRow?: () => void): AsyncGenerator<string> {
  if (o.format === 'jsonl') {
    for await (const r of src.storage.responses(filterOf(o))) {
      yield `${JSON.stringify(forResearchers(r))}\n`;
      onRow?.();
    }
    return;
  }
  const { surveyId, columns } = columnsFor(src.surveys, o.survey);
  const delimiter = o.excel ? ';' : ',';
  const read = rowReader(columns, { labels: o.labels });
  yield (o.bom || o.excel ? '\uFEFF' : '') +
    csvLine(
      columns.map((c) => c.name),
      delimiter,
    );
  for await (const r of src.storage.responses({ ...filterOf(o), surveyId })) {
    yield csvLine(read(r), delimiter);
    onRow?.();
  }
}

// Researchers need neither the learner hash (linkage risk) nor the dedupe hash (internal).
function forResearchers(r: StoredResponse): Omit<StoredResponse, 'learnerHash' | 'contentHash'> {
  const { learnerHash: _l, contentHash: _c, ...rest } = r;
  return rest;
}
