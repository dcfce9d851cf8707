import { parseArgs } from 'node:util';

export const RESPONSE_RATES_USAGE = `Usage: npm run response-rates -- --survey ID --cohort ID --wave W [--by COLUMN] [--format table|json]

Prints a cohort's AAPOR final dispositions and response rates for one survey and wave, under the same
disclosure control as GET /v1/response-rates (MIN_CELL, ROUND_TO, MIN_PERCENT_BASE).

  --survey ID      the survey id, as in SURVEYS_DIR (e.g. career-outcomes)
  --cohort ID      the cohort id of an imported roster (npm run cohort -- import)
  --wave W         m0, m6 or m12 (the default schedule), or once for a prompt outside the schedule
  --by COLUMN      break the figures down by country, course_id, path_id or attr_<name> of the roster
  --format F       table (default, for reading) or json (the same body as GET /v1/response-rates)
  --help           this text

Reads DATABASE_URL and SURVEYS_DIR like the collector. Exits 2 on a wrong command line, 1 on any other failure.`;

export type ResponseRatesArgs =
  | { kind: 'help' }
  | {
      kind: 'run';
      /** The query's parameters by the names GET /v1/response-rates takes, checked by parseRateQuery. */
      query: { survey?: string; cohort?: string; wave?: string; by?: string };
      format: 'table' | 'json';
    };

export class ResponseRatesArgsError extends Error {
  override name = 'ResponseRatesArgsError';
  readonly code = 'usage';
}

const REQUIRED = [
  ['survey', 'career-outcomes'],
  ['cohort', '2026-01-web'],
  ['wave', 'm0'],
] as const;

const fail = (message: string): never => {
  throw new ResponseRatesArgsError(`npm run response-rates: ${message}; see --help`);
};

/**
 * The command line of npm run response-rates. Only its shape is checked here (known flags, each with a value, the three
 * required ones given, no stray words); the values are checked by parseRateQuery, as the route checks them, so both say the same.
 */
export function parseResponseRatesArgs(argv: readonly string[]): ResponseRatesArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    // parseArgs names the flag in its message; its code only says which kind of mistake it was.
    return fail((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length > 0)
    fail(`unexpected argument ${JSON.stringify(positionals[0])}: every value follows its flag, as in --wave m0`);
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') fail(`--format ${JSON.stringify(format)}: expected table or json`);
  for (const [name, example] of REQUIRED)
    if (values[name] === undefined) fail(`--${name} is missing: give it, as in --${name} ${example}`);
  const query: Extract<ResponseRatesArgs, { kind: 'run' }>['query'] = {};
  for (const name of ['survey', 'cohort', 'wave', 'by'] as const) {
    const value = values[name];
    if (value !== undefined) query[name] = value;
  }
  return { kind: 'run', query, format: format as 'table' | 'json' };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      survey: { type: 'string' },
      cohort: { type: 'string' },
      wave: { type: 'string' },
      by: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
