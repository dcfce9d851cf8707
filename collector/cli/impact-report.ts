// npm run impact-report -- --survey ID --year YYYY [--cohort ID] [--weights country,attr_x] [--country CC]
//                          [--course-id X] [--path-id X] --out FILE [--evidence DIR] [--format html|json] [--help]
// Writes the impact report (the figures GET /v1/impact gives) as one self-contained HTML page or as JSON, and,
// with --evidence, the response ids behind every published figure with a manifest sha256sum -c checks.
// Exits 2 on a bad command line, 1 when the report itself fails.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.ts';
import { buildImpact } from '../impact/build-impact.ts';
import { ImpactQueryError, parseImpactQuery } from '../impact/impact-query.ts';
import { renderImpactHtml } from '../impact/report-html/render-impact-html.ts';
import { writeEvidence } from '../impact/write-evidence.ts';
import { SurveyRegistry } from '../surveys/survey-registry.ts';
import { openExistingStorage } from './open-existing-storage.ts';

const USAGE = `Usage: npm run impact-report -- --survey ID --year YYYY --out FILE [options]

  --survey ID          the survey, such as career-outcomes (required)
  --year YYYY          the calendar year of the figures (required)
  --out FILE           where to write the report (required)
  --format html|json   an HTML page (the default) or the figures as JSON
  --evidence DIR       also write the response ids behind each figure, with manifest.sha256
  --cohort ID          one cohort's roster only
  --country CC         learners of one country (ISO 3166-1 alpha-2, such as FR)
  --course-id X        one course
  --path-id X          one learning path
  --weights COLUMNS    roster columns to weight respondents to, such as country,attr_funding
  --help               print this and exit

Reads DATABASE_URL, SURVEYS_DIR and the disclosure settings (MIN_CELL, ROUND_TO, MIN_PERCENT_BASE) as the collector does.
`;

class UsageError extends Error {}

const FLAGS = ['survey', 'year', 'cohort', 'weights', 'country', 'course-id', 'path-id', 'out', 'evidence', 'format'];

async function main(): Promise<void> {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      options: { ...Object.fromEntries(FLAGS.map((n) => [n, { type: 'string' }])), help: { type: 'boolean' } },
      strict: true,
    }).values as Record<string, string | boolean | undefined>;
  } catch (err) {
    throw new UsageError(`${(err as Error).message}; run with --help for the flags`);
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const s = (n: string) => values[n] as string | undefined;
  const format = s('format') ?? 'html';
  if (format !== 'html' && format !== 'json')
    throw new UsageError(`--format ${JSON.stringify(format)}: expected html or json`);
  const out = s('out');
  if (!out) throw new UsageError('--out is missing: give the file to write, such as --out impact-2026.html');
  if (s('evidence') === '') throw new UsageError('--evidence: give the folder to write the evidence to');
  const raw = {
    survey: s('survey'),
    year: s('year'),
    cohort: s('cohort'),
    country: s('country'),
    course_id: s('course-id'),
    path_id: s('path-id'),
    weights: s('weights'),
  };
  const query = parseImpactQuery(
    Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)),
    'npm run impact-report (flags --survey, --year, --cohort, --country, --course-id, --path-id, --weights)',
  );
  const config = loadConfig(process.env);
  const surveys = SurveyRegistry.fromFolder(config.surveysDir);
  const storage = await openExistingStorage(config.databaseUrl);
  try {
    const settings = {
      minCell: config.minCell,
      roundTo: config.roundTo,
      minPercentBase: config.minPercentBase,
      partialThreshold: config.partialThreshold,
      impactCareerTarget: config.impactCareerTarget,
      widgetDist: config.widgetDist,
    };
    const { impact, evidence } = await buildImpact({ storage, surveys, settings }, query);
    writeFileSync(out, format === 'json' ? `${JSON.stringify(impact, null, 2)}\n` : renderImpactHtml(impact));
    const dir = s('evidence');
    if (dir !== undefined) writeEvidence(dir, evidence);
  } finally {
    await storage.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`impact-report failed: ${err.message}\n`);
  const usage = err instanceof UsageError || (err instanceof ImpactQueryError && err.code === 'invalid_parameter');
  process.exitCode = usage ? 2 : 1;
});
