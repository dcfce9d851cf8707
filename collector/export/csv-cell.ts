export type CellValue = string | number | null | undefined;

// OWASP "CSV injection": a spreadsheet treats a cell starting with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): empty for missing, quoted when it holds the delimiter, a quote, CR or LF.
 * Strings that could start a formula get a leading apostrophe, free text or not. JS numbers are written
 * as they are (so `-3` stays a number for R, pandas and Excel): a finite number's canonical form cannot
 * be a formula. A string that merely looks numeric ("-3" typed in a free-text answer) is neutralised.
 */
export function csvCell(value: CellValue, delimiter: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  if (text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')) {
    return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

export function csvLine(values: readonly CellValue[], delimiter: string): string {
  return `${values.map((v) => csvCell(v, delimiter)).join(delimiter)}\r\n`;
}
