import type { StoredResponse } from '../storage/storage.ts';
import { csvCell } from './csv-cell.ts';
import type { Column } from './export-columns.ts';
import { columnGetters, type RowOptions } from './row-values.ts';

/**
 * A response's CSV line, the same text as csvLine(rowReader(columns, opts)(r), delimiter), written cell by cell
 * into one string: no array of values per row (issue 20: at a million rows the arrays were a visible share of the
 * time and most of the garbage the collector swept).
 */
export function csvRow(columns: readonly Column[], opts: RowOptions, delimiter: string): (r: StoredResponse) => string {
  const getters = columnGetters(columns, opts);
  const n = getters.length;
  if (n === 0) return () => '\r\n';
  const first = getters[0];
  return (r) => {
    let line = csvCell(first(r), delimiter);
    for (let i = 1; i < n; i++) line += delimiter + csvCell(getters[i](r), delimiter);
    return `${line}\r\n`;
  };
}
