import type { ResponseStatus } from '../../protocol/index.ts';
import { isWaveDue, ONCE, type ScheduledWave } from '../denominators/wave-schedule.ts';

// Who gets a personal link for one survey, cohort and wave (`npm run invite`, POST /v1/invitations): among the
// learners of the school's own list, the roster members due the wave who have not completed it and have not opted
// out; with `reminder`, also within the reminder cap and spacing. Every learner left out gets one reason.

/** One row of the school's list, read at the moment of sending; the collector keeps none of it. */
export type SchoolLearner = { learnerRef: string; language?: string; email?: string; name?: string };

/** An invitation or reminder already sent to the member for this survey and wave. */
export type ContactAttempt = { kind: 'invited' | 'reminded'; at: string };

/** What selection needs of a roster member (a narrowing of MemberFacts, plus the attempts recorded). */
export type InviteeFacts = {
  /** YYYY-MM-DD, from the roster; waves fall due from it. */
  completedAt?: string;
  /** The response kept for the survey and wave, if any. */
  response?: { status: ResponseStatus };
  optedOut: boolean;
  attempts: readonly ContactAttempt[];
};

export const SKIP_REASONS = [
  'duplicate_in_file',
  'not_on_roster',
  'wave_not_due',
  'already_answered',
  'opted_out',
  'not_invited',
  'too_many_reminders',
  'reminded_recently',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export type Invitee = SchoolLearner & { learnerHash: string };
export type Selection = { invitations: Invitee[]; skipped: { learnerRef: string; reason: SkipReason }[] };

export type SelectionOptions = { reminder?: boolean; maxReminders?: number; minSpacingDays?: number };
export const DEFAULT_MAX_REMINDERS = 2;
export const DEFAULT_MIN_SPACING_DAYS = 7;

export type SelectionInput = {
  learners: Iterable<SchoolLearner>;
  /** learnerHash(ref, LEARNER_REF_SECRET): the key of `members`. */
  hashRef: (learnerRef: string) => string;
  /** The cohort's members by learner hash. */
  members: ReadonlyMap<string, InviteeFacts>;
  schedule: readonly ScheduledWave[];
  wave: string;
  now: Date;
  options?: SelectionOptions;
};

export class InviteSelectionError extends Error {
  override name = 'InviteSelectionError';
  constructor(
    readonly code: 'wave_not_in_schedule' | 'invalid_options',
    message: string,
  ) {
    super(message);
  }
}

const DAY_MS = 86_400_000;

function checkedOptions(input: SelectionInput) {
  const {
    reminder = false,
    maxReminders = DEFAULT_MAX_REMINDERS,
    minSpacingDays = DEFAULT_MIN_SPACING_DAYS,
  } = input.options ?? {};
  if (!(Number.isInteger(maxReminders) && maxReminders >= 0))
    throw new InviteSelectionError(
      'invalid_options',
      `maxReminders ${maxReminders}: expected a whole number >= 0, such as 2`,
    );
  if (!(Number.isFinite(minSpacingDays) && minSpacingDays >= 0))
    throw new InviteSelectionError(
      'invalid_options',
      `minSpacingDays ${minSpacingDays}: expected a number of days >= 0, such as 7`,
    );
  if (input.wave !== ONCE && !(input.schedule as readonly string[]).includes(input.wave))
    throw new InviteSelectionError(
      'wave_not_in_schedule',
      `wave "${input.wave}" is not in the survey's schedule (${input.schedule.join(', ')}): choose one of those waves, or change the schedule`,
    );
  return { reminder, maxReminders, minSpacingMs: minSpacingDays * DAY_MS };
}

/** Why a member is left out, or undefined when the member is invited. The order is the order of the docs' table. */
function reasonToSkip(facts: InviteeFacts, input: SelectionInput, rules: ReturnType<typeof checkedOptions>) {
  const completedAt = facts.completedAt === undefined ? undefined : new Date(`${facts.completedAt}T00:00:00Z`);
  // A scheduled wave of a member with no completed_at cannot be known to be due, so no link is sent for it.
  if (isWaveDue(input.wave, completedAt, input.now, input.schedule) !== true) return 'wave_not_due';
  if (facts.response?.status === 'complete') return 'already_answered';
  if (facts.optedOut) return 'opted_out';
  if (!rules.reminder) return undefined;
  // A reminder says "we wrote to you": one to a member never invited would not be true.
  if (!facts.attempts.some((a) => a.kind === 'invited')) return 'not_invited';
  if (facts.attempts.filter((a) => a.kind === 'reminded').length >= rules.maxReminders) return 'too_many_reminders';
  const last = Math.max(...facts.attempts.map((a) => Date.parse(a.at)));
  if (input.now.getTime() - last < rules.minSpacingMs) return 'reminded_recently';
  return undefined;
}

/** The invitations to send now and every learner left out, each in the order of the school's list. */
export function selectInvitees(input: SelectionInput): Selection {
  const rules = checkedOptions(input);
  const selection: Selection = { invitations: [], skipped: [] };
  const seen = new Set<string>();
  for (const learner of input.learners) {
    const { learnerRef } = learner;
    const reason = seen.has(learnerRef) ? 'duplicate_in_file' : undefined;
    seen.add(learnerRef);
    const learnerHash = input.hashRef(learnerRef);
    const facts = input.members.get(learnerHash);
    const skip = reason ?? (facts ? reasonToSkip(facts, input, rules) : 'not_on_roster');
    if (skip) selection.skipped.push({ learnerRef, reason: skip });
    else selection.invitations.push({ ...learner, learnerHash });
  }
  return selection;
}
