import { describe, expect, it } from 'vitest';
import { csvLine } from '../../../collector/export/csv-cell.ts';
import { csvRow } from '../../../collector/export/csv-row.ts';
import { exportColumns } from '../../../collector/export/export-columns.ts';
import { rowReader } from '../../../collector/export/row-values.ts';
import type { StoredResponse } from '../../../collector/storage/storage.ts';
import { generateResponse, TEST_SURVEYS } from '../../support/generate-responses.ts';

const columns = exportColumns(TEST_SURVEYS);

// Text a learner or a host can put in a cell: what CSV quoting, the formula rule or a Unicode-aware test must catch.
const TRICKY = [
  'say "hi"',
  'a,b',
  'a;b',
  'two\nlines',
  'cr\rhere',
  '=1+2',
  '+33 6 12',
  '-3',
  '@SUM(A1)',
  '\tx',
  ' =A1',
  '\u200b=A1',
  '\uff1d1',
  '\ufe6b1',
  'café 🎉',
  'مرحبا',
  '"',
  '',
  'plain',
  'x-1',
];

function tricky(i: number, text: string): StoredResponse {
  const r = generateResponse(i);
  return {
    ...r,
    answers: { ...r.answers, comment: text },
    country: i % 2 ? r.country : undefined,
    context: { courseId: text, pathId: i % 3 ? text : undefined, trigger: 'link', cohort: text },
    consent: { ...r.consent, version: text, groups: i % 2 ? [text, 'ethnicity'] : undefined },
  };
}

describe('csvRow', () => {
  it.each([
    { labels: false, delimiter: ',' },
    { labels: true, delimiter: ',' },
    { labels: false, delimiter: ';' },
    { labels: true, delimiter: ';' },
  ])(
    'writes the line csvLine writes from rowReader (labels $labels, delimiter $delimiter)',
    ({ labels, delimiter }) => {
      const line = csvRow(columns, { labels }, delimiter);
      const read = rowReader(columns, { labels });
      const rows = [
        ...TRICKY.map((t, i) => tricky(i, t)),
        ...Array.from({ length: 200 }, (_, i) => generateResponse(i)),
      ];
      for (const r of rows) expect(line(r)).toBe(csvLine(read(r), delimiter));
    },
  );

  it('quotes, neutralises and leaves empty what the rules say, in the columns they apply to', () => {
    const line = csvRow(columns, { labels: false }, ',')(tricky(0, '=HYPERLINK("x")'));
    const expected = `"'=HYPERLINK(""x"")"`;
    expect(line.endsWith('\r\n')).toBe(true);
    // consent_version, course_id, cohort and comment hold it; path_id is empty for this row.
    expect(line.split(expected)).toHaveLength(5);
  });
});
