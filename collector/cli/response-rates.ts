// npm run response-rates -- --survey ID --cohort ID --wave W [--by COLUMN] [--format table|json]
// Prints the same disclosure-controlled figures as GET /v1/response-rates, as tables (or that JSON body).
// Exits 2 on a wrong command line (as export and report do), including a survey or cohort that does not exist,
// 1 when the computation itself fails.
import { loadConfig } from '../config/load-config.ts';
import { RateQueryError } from '../denominators/rate-query.ts';
import { resolveRateQuery } from '../denominators/resolve-rate-query.ts';
import { responseRates } from '../denominators/response-rates.ts';
import {
  parseResponseRatesArgs,
  RESPONSE_RATES_USAGE,
  ResponseRatesArgsError,
} from '../denominators/response-rates-args.ts';
import { responseRatesTable } from '../denominators/response-rates-table.ts';
import { DEFAULT_SCHEDULE } from '../denominators/wave-schedule.ts';
import { SurveyRegistry } from '../surveys/survey-registry.ts';
import { openExistingStorage } from './open-existing-storage.ts';

const WHERE = 'npm run response-rates';

async function main(): Promise<void> {
  const args = parseResponseRatesArgs(process.argv.slice(2));
  if (args.kind === 'help') {
    process.stdout.write(`${RESPONSE_RATES_USAGE}\n`);
    return;
  }
  const config = loadConfig(process.env);
  const surveys = SurveyRegistry.fromFolder(config.surveysDir);
  const storage = await openExistingStorage(config.databaseUrl);
  try {
    const denominators = storage;
    const schedule = DEFAULT_SCHEDULE;
    const q = await resolveRateQuery(args.query, WHERE, {
      denominators,
      schedule,
      knownSurvey: (id) => surveys.latest(id) !== undefined,
    });
    const rules = { minCell: config.minCell, roundTo: config.roundTo, minPercentBase: config.minPercentBase };
    const body = await responseRates(
      denominators,
      { ...q, schedule, partialThreshold: config.partialThreshold, at: new Date() },
      rules,
    );
    process.stdout.write(
      args.format === 'json' ? `${JSON.stringify(body, null, 2)}\n` : responseRatesTable(body, q.by),
    );
  } finally {
    await storage.close();
  }
}

// The SQLite and PostgreSQL adapters gain the roster and contact-event tables with issue 16's storage work; a
// storage opened without them is named as such rather than failing on a missing method.
main().catch((err: Error) => {
  process.stderr.write(`response-rates failed: ${err.message}\n`);
  process.exitCode = err instanceof ResponseRatesArgsError || err instanceof RateQueryError ? 2 : 1;
});
