import { parseArgs } from 'node:util';
import { COHORT_ID_PATTERN, COHORT_ID_RULE } from '../../protocol/index.ts';

export const COHORT_USAGE = `Usage: npm run cohort -- import --cohort ID FILE [--json]
       npm run cohort -- list

  import   stores the roster in FILE as cohort ID, whole or not at all: one member per learner, the same
           columns as PUT /v1/cohorts/:id (learner_ref required; enrolled_at, completed_at, country,
           course_id, path_id, attr_<name>). Each learner_ref is kept only as its keyed hash. Importing the
           same file again changes nothing; a changed file updates the members and records what changed.
  list     prints each cohort with its member count
  --cohort ID   the cohort id, 1 to 64 characters from a–z 0–9 _ -, such as 2026-01-web
  --json        read FILE as JSON { "members": [ … ] } (the default when FILE ends in .json); otherwise CSV
  --help        this text

Reads DATABASE_URL and LEARNER_REF_SECRET like the collector. Exits 1 when the file is refused (nothing is
imported), 2 on a wrong command line.`;

export type CohortArgs =
  | { kind: 'help' }
  | { kind: 'list' }
  | { kind: 'import'; cohort: string; file: string; format: 'csv' | 'json' };

export type CohortArgsErrorCode =
  | 'bad_option'
  | 'missing_command'
  | 'unknown_command'
  | 'missing_cohort'
  | 'invalid_cohort'
  | 'missing_file'
  | 'unexpected_argument';

export class CohortArgsError extends Error {
  override name = 'CohortArgsError';
  constructor(
    readonly code: CohortArgsErrorCode,
    message: string,
  ) {
    super(`npm run cohort: ${message}; see --help`);
  }
}

/** The command line of npm run cohort, checked whole before anything is opened. */
export function parseCohortArgs(argv: readonly string[]): CohortArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    // parseArgs names the flag in its message; the code here says only that the flags were wrong.
    throw new CohortArgsError('bad_option', (err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new CohortArgsError('missing_command', 'expected a command: import or list');
  if (command === 'list') {
    const extra = rest[0] ?? (values.cohort !== undefined ? '--cohort' : values.json ? '--json' : undefined);
    if (extra !== undefined)
      throw new CohortArgsError('unexpected_argument', `list takes no arguments, got ${JSON.stringify(extra)}`);
    return { kind: 'list' };
  }
  if (command !== 'import')
    throw new CohortArgsError(
      'unknown_command',
      `unknown command ${JSON.stringify(command.slice(0, 40))}: expected import or list`,
    );
  const cohort = values.cohort;
  if (cohort === undefined)
    throw new CohortArgsError('missing_cohort', '--cohort is missing: name the cohort, as in --cohort 2026-01-web');
  if (!COHORT_ID_PATTERN.test(cohort))
    throw new CohortArgsError('invalid_cohort', `--cohort ${JSON.stringify(cohort.slice(0, 70))}: ${COHORT_ID_RULE}`);
  const [file, ...more] = rest;
  if (file === undefined)
    throw new CohortArgsError('missing_file', 'no roster file: give its path after the flags, as in roster.csv');
  if (more.length > 0)
    throw new CohortArgsError(
      'unexpected_argument',
      `one roster file at a time, got ${JSON.stringify(more[0])} after ${JSON.stringify(file)}`,
    );
  const format = values.json || /\.json$/i.test(file) ? 'json' : 'csv';
  return { kind: 'import', cohort, file, format };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: true,
    options: {
      cohort: { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
