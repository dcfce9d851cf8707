import type { Report, ReportCell } from '../../protocol/index.ts';
import { csvLine } from '../export/csv-cell.ts';
import { TOTAL } from './report-cell-label.ts';

const HEADER = ['measure', 'row', 'period', 'count', 'percent', 'suppressed'] as const;

/**
 * The report as one long CSV table (one line per measure, row and period, margins labelled "total"), the shape
 * R and pandas read without reshaping. A withheld cell has an empty count and its reason in `suppressed`; every
 * field goes through csvCell, so a label can never start a spreadsheet formula.
 */
export function reportCsv(report: Report): string {
  const line = (measure: string, row: string, period: string, cell: ReportCell) =>
    csvLine([measure, row, period, cell.count, cell.percent, cell.suppressed], ',');
  let out = csvLine(HEADER, ',');
  for (const measure of report.measures) {
    const table = report.tables[measure];
    report.rows.forEach((row, r) => {
      report.periods.forEach((period, c) => {
        out += line(measure, row, period, table.cells[r][c]);
      });
      out += line(measure, row, TOTAL, table.rowTotals[r]);
    });
    report.periods.forEach((period, c) => {
      out += line(measure, TOTAL, period, table.colTotals[c]);
    });
    out += line(measure, TOTAL, TOTAL, table.total);
  }
  return out;
}
