import type { ContactEvent, ResponseStatus } from '../../protocol/index.ts';
import type { StoredEventKind } from '../storage/event-kinds.ts';

/** The final dispositions a roster member can get for one survey and wave (AAPOR Standard Definitions, 10th ed.). */
export const DISPOSITION_CODES = ['1.1', '1.2', '2.11', '2.12', '2.20', '3.30', '3.90', '4.10'] as const;
export type DispositionCode = (typeof DISPOSITION_CODES)[number];

/** Which rule gave the code, so the dispositions export can tell an explicit refusal from an implicit one. */
export type DispositionRule =
  | 'complete'
  | 'partial'
  | 'not_due'
  | 'due_unknown'
  | 'opted_out'
  | 'dismissed_never'
  | 'undeliverable'
  | 'break_off'
  | 'shown_not_started'
  | 'completed_without_response'
  | 'never_shown';

export type MemberEvent = Pick<ContactEvent, 'at' | 'answered' | 'asked' | 'reason'> & { kind: StoredEventKind };

export type MemberWave = {
  /** From wave-schedule's isWaveDue: null when the roster has no completed_at for a scheduled wave. */
  due: boolean | null;
  /** This member's contact events for this survey and wave, in any order. */
  events: readonly MemberEvent[];
  /** The member's stored response for this survey and wave, after the revision rule kept one. */
  response?: { status: ResponseStatus; answered: number; asked: number };
  /** "Don't ask me again" recorded by the collector (POST /v1/eligibility/opt-out), for this survey. */
  optedOut: boolean;
};

export type Disposition = {
  code: DispositionCode;
  rule: DispositionRule;
  /** How many times the survey was shown to the member: AAPOR's contact attempts. */
  attempts: number;
  /** Invitations and reminders the collector handed out to the member (`invited` + `reminded` events). */
  invitations: number;
  firstShown: string | null;
  lastEvent: string | null;
};

/** Share of the questions asked that a response must answer to count as partial (1.2) rather than a break-off. */
export const DEFAULT_PARTIAL_THRESHOLD = 0.5;

export class DispositionError extends Error {
  override name = 'DispositionError';
  readonly code = 'invalid_threshold';
}

/**
 * One final disposition. The rules are tried in this order and the first that holds wins, so what the member
 * gave outranks what the member said later: a complete stays 1.1 after "Don't ask me again" (docs/denominators.md).
 */
export function disposition(member: MemberWave, partialThreshold = DEFAULT_PARTIAL_THRESHOLD): Disposition {
  checkPartialThreshold(partialThreshold);
  const [code, rule] = classify(member, partialThreshold);
  return { code, rule, ...contactSummary(member.events) };
}

/** Throws DispositionError unless the threshold is a share above 0 and at most 1. */
export function checkPartialThreshold(partialThreshold: number): void {
  if (!(partialThreshold > 0 && partialThreshold <= 1))
    throw new DispositionError(
      `partial threshold ${String(partialThreshold)}: expected a share above 0 and at most 1, such as 0.5 (half the questions asked)`,
    );
}

function classify(member: MemberWave, threshold: number): [DispositionCode, DispositionRule] {
  const { response, events } = member;
  if (response?.status === 'complete') return ['1.1', 'complete'];
  const share = response && response.asked > 0 ? response.answered / response.asked : 0;
  if (response && share >= threshold) return ['1.2', 'partial'];
  if (member.due === false) return ['4.10', 'not_due'];
  if (member.due === null) return ['3.90', 'due_unknown'];
  if (member.optedOut) return ['2.11', 'opted_out'];
  if (events.some((e) => e.kind === 'dismissed' && e.reason === 'never')) return ['2.11', 'dismissed_never'];
  if (!response && returnedUndelivered(events)) return ['3.30', 'undeliverable'];
  // The widget says the learner finished, yet no complete response is stored: still on its way, or refused.
  if (events.some((e) => e.kind === 'completed')) return ['3.90', 'completed_without_response'];
  const started = events.some((e) => e.kind === 'started' || e.kind === 'progress');
  if (response || started) return ['2.12', 'break_off'];
  // Seen and declined ("not now", closed) or left alone: contacted, eligible, no interview — AAPOR's implicit refusal.
  if (events.some((e) => e.kind === 'shown' || e.kind === 'dismissed')) return ['2.11', 'shown_not_started'];
  return ['2.20', 'never_shown'];
}

/** Kinds that show the learner was reached after all, whatever the mail server said. */
const REACHED: ReadonlySet<StoredEventKind> = new Set(['shown', 'started', 'progress', 'completed']);

/**
 * AAPOR 3.30 "invitation returned undelivered" (Standard Definitions, Table 4, Internet surveys of specifically
 * named persons): the SMTP server refused a message and nothing since says the learner was reached. A reach at the
 * same instant as the refusal counts as after it.
 */
function returnedUndelivered(events: readonly MemberEvent[]): boolean {
  let refused = Number.NEGATIVE_INFINITY;
  for (const e of events) if (e.kind === 'undeliverable') refused = Math.max(refused, Date.parse(e.at));
  if (refused === Number.NEGATIVE_INFINITY) return false;
  return !events.some((e) => REACHED.has(e.kind) && Date.parse(e.at) >= refused);
}

function contactSummary(
  events: readonly MemberEvent[],
): Pick<Disposition, 'attempts' | 'invitations' | 'firstShown' | 'lastEvent'> {
  let attempts = 0;
  let invitations = 0;
  let firstShown: string | null = null;
  let lastEvent: string | null = null;
  for (const e of events) {
    // Compared as instants: "…:00Z" and "…:00.000Z" name one moment but sort apart as strings.
    if (lastEvent === null || Date.parse(e.at) > Date.parse(lastEvent)) lastEvent = e.at;
    if (e.kind === 'invited' || e.kind === 'reminded') invitations++;
    if (e.kind !== 'shown') continue;
    attempts++;
    if (firstShown === null || Date.parse(e.at) < Date.parse(firstShown)) firstShown = e.at;
  }
  return { attempts, invitations, firstShown, lastEvent };
}
