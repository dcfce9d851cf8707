import type { Report, ReportTable } from '../../protocol/index.ts';
import { cellText, TOTAL } from './report-cell-label.ts';

// A pipe or a line break in a label would cut a table row; a backslash-escaped pipe is GFM's own escape.
const md = (text: string) =>
  text
    .replaceAll('\\', '\\\\')
    .replaceAll('|', '\\|')
    .replace(/[\r\n]+/g, ' ');

/** The report as Markdown: one table per measure, rows by periods with their totals, then the rules and notes. */
export function reportMarkdown(report: Report): string {
  const { rules } = report;
  const split = report.by.length > 0 ? report.by.join(' × ') : 'no split';
  const lines = [
    `# Report: ${md(report.survey)}`,
    '',
    `Generated ${report.generatedAt}; by ${split}. Counts are rounded to ${rules.roundTo}; a count below ${rules.minCell} is withheld; percentages only on a base of at least ${rules.minPercentBase}.`,
  ];
  for (const measure of report.measures)
    lines.push('', `## ${md(measure)}`, '', ...table(report, report.tables[measure]));
  lines.push('', '## Notes', '', ...report.notes.map((n) => `- ${md(n)}`));
  return `${lines.join('\n')}\n`;
}

function table(report: Report, t: ReportTable): string[] {
  const cell = (c: Parameters<typeof cellText>[0]) => md(cellText(c, report.rules));
  const row = (fields: string[]) => `| ${fields.join(' | ')} |`;
  const corner = report.by.includes('country') ? 'country' : '';
  return [
    row([corner, ...report.periods.map(md), TOTAL]),
    row(['---', ...report.periods.map(() => '---:'), '---:']),
    ...report.rows.map((label, r) => row([md(label), ...t.cells[r].map(cell), cell(t.rowTotals[r])])),
    row([TOTAL, ...t.colTotals.map(cell), cell(t.total)]),
  ];
}
