// npm run report -- [--help] [--format json|csv|md] [--survey ID] [--by country,year|month] [--country CC] [--course_id ID] [--path_id ID] [--version N]
//                    [--from YYYY-MM] [--to YYYY-MM] [--out FILE]
// Prints (or writes) the same disclosure-controlled figures as GET /v1/report (JSON, or as CSV or Markdown tables), with the same whole-month filters:
// its output is meant to be published, and exact dates stay with the export.
// Exits 2 on a bad command line (as export and check-survey do), 1 when the report itself fails.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.ts';
import { columnsFor } from '../export/export-chunks.ts';
import { buildReport } from '../report/build-report.ts';
import { REPORT_FORMATS, reportFormat } from '../report/report-format.ts';
import { parseReportOptions, ReportOptionsError, reportFilter } from '../report/report-options.ts';
import { SurveyRegistry } from '../surveys/survey-registry.ts';
import { openExistingStorage } from './open-existing-storage.ts';
import { REPORT_USAGE } from './report-usage.ts';

class UsageError extends Error {}

async function main(): Promise<void> {
  const names = ['survey', 'by', 'country', 'course_id', 'path_id', 'version', 'from', 'to', 'out', 'format'] as const;
  let values: Record<string, string | boolean | undefined>;
  try {
    const options = {
      ...Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])),
      help: { type: 'boolean' as const },
    };
    values = parseArgs({ options, strict: true }).values;
  } catch (err) {
    throw new UsageError(`${(err as Error).message} (see npm run report -- --help)`);
  }
  if (values.help) {
    process.stdout.write(REPORT_USAGE);
    return;
  }
  const { out, format = 'json', help: _help, ...rest } = values as Record<string, string | undefined>;
  const render = reportFormat(format);
  if (!render) {
    throw new UsageError(
      `--format: "${format}" is not a report format; use one of ${REPORT_FORMATS.join(', ')} (json is the default)`,
    );
  }
  const options = parseReportOptions(
    Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    'npm run report',
  );
  const config = loadConfig(process.env);
  const { surveyId } = columnsFor(SurveyRegistry.fromFolder(config.surveysDir), options.survey);
  const storage = await openExistingStorage(config.databaseUrl);
  try {
    const rules = { minCell: config.minCell, roundTo: config.roundTo, minPercentBase: config.minPercentBase };
    const filter = reportFilter(options, surveyId);
    const text = render(await buildReport(surveyId, storage.responses(filter), options, rules));
    if (out) writeFileSync(out, text);
    else process.stdout.write(text);
  } finally {
    await storage.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`report failed: ${err.message}\n`);
  process.exitCode = err instanceof UsageError || err instanceof ReportOptionsError ? 2 : 1;
});
