export type CellValue = string | number | null | undefined;

// OWASP "CSV injection": a spreadsheet treats a cell starting with one of these as a formula. Spreadsheets also
// skip leading whitespace, invisible format characters (zero-width space, BOM, bidi marks) and controls, and some
// read the full-width and small forms (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫) as the ASCII ones, so those are looked past or matched
// too (issue 14, item 8). A cell that starts with tab or CR is neutralised whatever follows, as before.
const FORMULA_START = /^(?:[\t\r]|[\s\p{Cc}\p{Cf}]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B])/u;
// One scan per cell for everything that forces quotes (issue 9: four includes() per cell showed in profiles).
const NEEDS_QUOTES: Record<string, RegExp> = { ',': /[,"\n\r]/, ';': /[;"\n\r]/ };

/**
 * False for a first character that FORMULA_START cannot match: printable ASCII other than a space and the four
 * signs (no ASCII letter, digit or mark is whitespace, a control or a format character). Most cells start so, and
 * this skips the Unicode-aware regex for them, the larger part of an export's escaping time (issue 20).
 */
function mayStartFormula(c: number): boolean {
  return !(c > 32 && c < 127 && c !== 43 && c !== 45 && c !== 61 && c !== 64);
}

/**
 * One CSV field (RFC 4180): empty for missing, quoted when it holds the delimiter, a quote, CR or LF.
 * Strings that could start a formula get a leading apostrophe, free text or not. JS numbers are written
 * as they are (so `-3` stays a number for R, pandas and Excel): a finite number's canonical form cannot
 * be a formula. A string that merely looks numeric ("-3" typed in a free-text answer) is neutralised.
 */
export function csvCell(value: CellValue, delimiter: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = mayStartFormula(value.charCodeAt(0)) && FORMULA_START.test(value) ? `'${value}` : value;
  const special = NEEDS_QUOTES[delimiter];
  const quote = special ? special.test(text) : text.includes(delimiter) || /["\n\r]/.test(text);
  return quote ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(values: readonly CellValue[], delimiter: string): string {
  let line = values.length > 0 ? csvCell(values[0], delimiter) : '';
  for (let i = 1; i < values.length; i++) line += delimiter + csvCell(values[i], delimiter);
  return `${line}\r\n`;
}
