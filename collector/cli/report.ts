// npm run report -- [--survey ID] [--by country,year|month] [--country CC] [--from ISO] [--to ISO] [--out FILE]
// Prints (or writes) the same disclosure-controlled JSON as GET /v1/report.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.ts';
import { columnsFor } from '../export/export-chunks.ts';
import { buildReport } from '../report/build-report.ts';
import { parseReportOptions } from '../report/report-options.ts';
import { openStorage } from '../storage/open-storage.ts';
import { SurveyRegistry } from '../surveys/survey-registry.ts';

async function main(): Promise<void> {
  const names = ['survey', 'by', 'country', 'from', 'to', 'out'] as const;
  const { values } = parseArgs({
    options: Object.fromEntries(names.map((n) => [n, { type: 'string' }])),
    strict: true,
  });
  const { out, ...rest } = values as Record<string, string | undefined>;
  const options = parseReportOptions(
    Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    'npm run report',
  );
  const config = loadConfig(process.env);
  const { surveyId } = columnsFor(SurveyRegistry.fromFolder(config.surveysDir), options.survey);
  const storage = await openStorage(config.databaseUrl);
  try {
    const rules = { minCell: config.minCell, roundTo: config.roundTo, minPercentBase: config.minPercentBase };
    const filter = { surveyId, country: options.country, from: options.from, to: options.to };
    const json = `${JSON.stringify(await buildReport(surveyId, storage.responses(filter), options, rules), null, 2)}\n`;
    if (out) writeFileSync(out, json);
    else process.stdout.write(json);
  } finally {
    await storage.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`report failed: ${err.message}\n`);
  process.exitCode = 1;
});
