import type { Report } from '../../protocol/index.ts';
import { reportCsv } from './report-csv.ts';
import { reportMarkdown } from './report-markdown.ts';

const RENDERERS = {
  json: (report: Report) => `${JSON.stringify(report, null, 2)}\n`,
  csv: reportCsv,
  md: reportMarkdown,
} as const;

export type ReportFormat = keyof typeof RENDERERS;
export const REPORT_FORMATS = Object.keys(RENDERERS) as ReportFormat[];

/** The renderer of `--format NAME`, or undefined for a name that is not one. */
export function reportFormat(name: string): ((report: Report) => string) | undefined {
  return Object.hasOwn(RENDERERS, name) ? RENDERERS[name as ReportFormat] : undefined;
}
