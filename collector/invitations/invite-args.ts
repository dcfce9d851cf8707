import { parseArgs } from 'node:util';
import { COHORT_ID_PATTERN, COHORT_ID_RULE, SURVEY_ID_PATTERN, SURVEY_ID_RULE } from '../../protocol/index.ts';
import { AVAILABLE_WAVES, ONCE } from '../denominators/wave-schedule.ts';
import type { SelectionOptions } from './select-invitees.ts';

export const INVITE_USAGE = `Usage: npm run invite -- --survey ID --cohort ID --wave W --learners FILE.csv [--out links.csv]
         [--reminder] [--max-reminders N] [--spacing-days D] [--dry-run] [--send]

  Signs a personal link for each learner of FILE.csv who is on the cohort's roster, due the wave, has not
  completed it and has not opted out, and records each as a contact attempt (invited, or reminded).
  --learners FILE    the school's list: learner_ref, and email, language, name when given (never stored)
  --out FILE         write learner_ref,url,expires_at,language there (default: standard output)
  --reminder         only members already invited, at most --max-reminders (default 2) reminders,
                     at least --spacing-days (default 7) after the last invitation or reminder
  --dry-run          print the counts and three sample rows; sign nothing, record nothing
  --send             e-mail each link over SMTP_URL from SMTP_FROM (needs an email column); a message the
                     server refuses (5xx) is recorded as undeliverable
  --help             this text

Reads DATABASE_URL, LEARNER_REF_SECRET, LINK_KEYS, PUBLIC_URL, LINK_EXPIRY_DAYS, SMTP_URL and SMTP_FROM like
the collector. Learners left out, with the reason, and the counts go to standard error. Exits 0 when done
(learners left out included), 1 when the file or the settings are refused or the run fails (nothing is
recorded), 2 on a wrong command line, 3 when sending stopped part-way (the messages accepted are recorded,
the rest are listed as not sent: run again later with those learners).`;

export type InviteArgs =
  | { kind: 'help' }
  | {
      kind: 'invite';
      surveyId: string;
      cohortId: string;
      wave: string;
      learners: string;
      out?: string;
      options: SelectionOptions;
      dryRun: boolean;
      send: boolean;
    };

export type InviteArgsErrorCode = 'bad_option' | 'missing_option' | 'invalid_option' | 'unexpected_argument';

export class InviteArgsError extends Error {
  override name = 'InviteArgsError';
  constructor(
    readonly code: InviteArgsErrorCode,
    message: string,
  ) {
    super(`npm run invite: ${message}; see --help`);
  }
}

const shown = (v: string) => JSON.stringify(v.length > 64 ? `${v.slice(0, 64)}…` : v);

const parse = (argv: readonly string[]) =>
  parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      survey: { type: 'string' },
      cohort: { type: 'string' },
      wave: { type: 'string' },
      learners: { type: 'string' },
      out: { type: 'string' },
      reminder: { type: 'boolean' },
      'max-reminders': { type: 'string' },
      'spacing-days': { type: 'string' },
      'dry-run': { type: 'boolean' },
      send: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });

/** The command line of npm run invite, checked whole before anything is read or opened. */
export function parseInviteArgs(argv: readonly string[]): InviteArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    throw new InviteArgsError('bad_option', (err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length > 0)
    throw new InviteArgsError(
      'unexpected_argument',
      `unexpected argument ${shown(positionals[0] ?? '')}: give the list with --learners FILE.csv`,
    );
  const need = (name: 'survey' | 'cohort' | 'wave' | 'learners', example: string): string => {
    const v = values[name];
    if (v === undefined)
      throw new InviteArgsError('missing_option', `--${name} is missing: as in --${name} ${example}`);
    return v;
  };
  const surveyId = need('survey', 'career-outcomes');
  if (!SURVEY_ID_PATTERN.test(surveyId))
    throw new InviteArgsError('invalid_option', `--survey ${shown(surveyId)}: ${SURVEY_ID_RULE}`);
  const cohortId = need('cohort', '2026-01-web');
  if (!COHORT_ID_PATTERN.test(cohortId))
    throw new InviteArgsError('invalid_option', `--cohort ${shown(cohortId)}: ${COHORT_ID_RULE}`);
  const wave = need('wave', 'm6');
  const waves: readonly string[] = [...AVAILABLE_WAVES, ONCE];
  if (!waves.includes(wave))
    throw new InviteArgsError('invalid_option', `--wave ${shown(wave)}: expected one of ${waves.join(', ')}`);
  const learners = need('learners', 'learners.csv');

  const reminder = values.reminder === true;
  const options: SelectionOptions = { reminder };
  const number = (flag: 'max-reminders' | 'spacing-days', whole: boolean, example: string) => {
    const raw = values[flag];
    if (raw === undefined) return undefined;
    if (!reminder) throw new InviteArgsError('invalid_option', `--${flag} applies to reminders only: add --reminder`);
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n) || n < 0 || (whole && !Number.isInteger(n)))
      throw new InviteArgsError(
        'invalid_option',
        `--${flag} ${shown(raw)}: expected ${whole ? 'a whole number' : 'a number'} >= 0, such as ${example}`,
      );
    return n;
  };
  const maxReminders = number('max-reminders', true, '2');
  const minSpacingDays = number('spacing-days', false, '7');
  if (maxReminders !== undefined) options.maxReminders = maxReminders;
  if (minSpacingDays !== undefined) options.minSpacingDays = minSpacingDays;
  const dryRun = values['dry-run'] === true;
  const send = values.send === true;
  if (dryRun && send)
    throw new InviteArgsError('invalid_option', '--dry-run and --send together: a dry run sends nothing; choose one');
  return {
    kind: 'invite',
    surveyId,
    cohortId,
    wave,
    learners,
    ...(values.out === undefined ? {} : { out: values.out }),
    options,
    dryRun,
    send,
  };
}
