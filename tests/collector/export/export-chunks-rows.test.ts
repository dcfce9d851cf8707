import { describe, expect, it } from 'vitest';
import { csvLine } from '../../../collector/export/csv-cell.ts';
import { columnsFor, exportChunks } from '../../../collector/export/export-chunks.ts';
import { parseExportOptions } from '../../../collector/export/export-options.ts';
import { rowReader } from '../../../collector/export/row-values.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { generateResponse, TEST_SURVEYS } from '../../support/generate-responses.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';

const ROWS = 3000;
const surveys = new SurveyRegistry(TEST_SURVEYS);
const storage = new MemoryStorage(Array.from({ length: ROWS }, (_, i) => generateResponse(i)));

describe('exportChunks over many rows', () => {
  it.each([
    { format: 'csv', excel: '0' },
    { format: 'csv', excel: '1' },
    { format: 'jsonl', excel: '0' },
  ])('joins rows into few chunks, with every row once and in order ($format, excel=$excel)', async (raw) => {
    const o = parseExportOptions({ ...raw, survey: 'outcomes-test' }, 'test');
    const chunks: string[] = [];
    const counts: number[] = [];
    for await (const c of exportChunks({ storage, surveys }, o, (n) => counts.push(n))) chunks.push(c);

    let expected = '';
    const rows = [...storage.rows.values()];
    if (o.format === 'jsonl') {
      for (const { learnerHash: _l, contentHash: _c, ...r } of rows) expected += `${JSON.stringify(r)}\n`;
    } else {
      const { columns } = columnsFor(surveys, 'outcomes-test');
      const read = rowReader(columns, { labels: false });
      const delimiter = o.excel ? ';' : ',';
      expected = `${o.excel ? '\uFEFF' : ''}${csvLine(
        columns.map((c) => c.name),
        delimiter,
      )}`;
      for (const r of rows) expected += csvLine(read(r), delimiter);
    }
    expect(chunks.join('')).toBe(expected);
    expect(chunks.length).toBeLessThan(ROWS / 10);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(ROWS);
  });

  it('sends the CSV header alone, before any row', async () => {
    const o = parseExportOptions({ survey: 'outcomes-test' }, 'test');
    const first = await exportChunks({ storage, surveys }, o).next();
    expect(first.value).toBe(
      csvLine(
        columnsFor(surveys, 'outcomes-test').columns.map((c) => c.name),
        ',',
      ),
    );
  });
});
