import type { EmbedStack } from '../embed-harness.ts';

/** The rows of a CSV export (RFC 4180, BOM allowed), as objects keyed by the header. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted && c === '"' && body[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) cell += c;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
    }
  }
  const [header = [], ...data] = rows;
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** The exported row whose free-text `comment` is `marker`, once the page has delivered it (bounded wait). */
export async function exportedRow(stack: EmbedStack, marker: string): Promise<Record<string, string>> {
  for (let i = 0; i < 75; i++) {
    const row = parseCsv(await stack.exportCsv()).find((r) => r.comment === marker);
    if (row) return row;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no exported row with comment "${marker}" after 15 s`);
}

/** The flag columns of a row (`flag_<name>`), without their `__rule` companions. */
export const flagsOf = (row: Record<string, string>) =>
  Object.fromEntries(Object.entries(row).filter(([name]) => name.startsWith('flag_') && !name.endsWith('__rule')));

/** The cells of the ethnicity columns (GB two-step list, US combined question) that hold something. */
export const filledEthnicityCells = (row: Record<string, string>) =>
  Object.entries(row).filter(([name, value]) => /^(ethnic|race)_/.test(name) && value !== '');
