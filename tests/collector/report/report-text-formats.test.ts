import { describe, expect, it } from 'vitest';
import { reportCsv } from '../../../collector/report/report-csv.ts';
import { reportMarkdown } from '../../../collector/report/report-markdown.ts';
import type { Report, ReportCell } from '../../../protocol/index.ts';

const shown = (count: number, percent?: number): ReportCell => ({
  count,
  ...(percent === undefined ? {} : { percent }),
});
const withheld = (suppressed: ReportCell['suppressed']): ReportCell => ({ count: null, suppressed });

// Two rows, one period; a row label a spreadsheet would run as a formula, and one with a pipe.
const REPORT: Report = {
  survey: 'outcomes-test',
  generatedAt: '2026-01-01T00:00:00.000Z',
  by: ['country', 'year'],
  rules: { minCell: 10, roundTo: 5, minPercentBase: 50 },
  rows: ['=HYPERLINK("http://x")', 'A|B'],
  periods: ['2025'],
  measures: ['refugee'],
  tables: {
    refugee: {
      cells: [[withheld('below_k')], [withheld('complementary')]],
      rowTotals: [withheld('dominant'), shown(60, 12)],
      colTotals: [shown(70, 10)],
      total: shown(70, 10),
    },
  },
  yearOverYear: [],
  notes: ['A note.'],
};

describe('report text formats', () => {
  it('keeps a CSV label from starting a formula, and gives each withheld cell an empty count and its reason', () => {
    const lines = reportCsv(REPORT).split('\r\n');
    expect(lines).toEqual([
      'measure,row,period,count,percent,suppressed',
      `refugee,"'=HYPERLINK(""http://x"")",2025,,,below_k`,
      `refugee,"'=HYPERLINK(""http://x"")",total,,,dominant`,
      'refugee,A|B,2025,,,complementary',
      'refugee,A|B,total,60,12,',
      'refugee,total,2025,70,10,',
      'refugee,total,total,70,10,',
      '',
    ]);
  });

  it('says in Markdown why each cell is withheld, and escapes a pipe in a label', () => {
    const md = reportMarkdown(REPORT);
    expect(md).toContain(
      '| A\\|B | withheld (hidden so another withheld cell cannot be recomputed from the totals) | 60 (12%) |',
    );
    expect(md).toContain(
      '| =HYPERLINK("http://x") | withheld (fewer than 10) | withheld (all but fewer than 10 of the cell) |',
    );
    expect(md).toContain('| total | 70 (10%) | 70 (10%) |');
  });
});
