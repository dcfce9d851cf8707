import { ROSTER_ELIGIBILITY } from './aapor-rates.ts';
import type { DispositionCode, DispositionRule } from './disposition.ts';
import { DISPOSITION_COLUMNS } from './disposition-rows.ts';

export type DispositionRuleEntry = {
  /** Rules are tried in this order; the first that holds gives the member's disposition. */
  order: number;
  rule: DispositionRule;
  code: DispositionCode;
  /** AAPOR's name for the code (Standard Definitions, 10th edition). */
  aapor: string;
  definition: string;
};

export type RatesCodebook = {
  eligibility: { e: number; why: string };
  /** How the codes fall into AAPOR's groups, which the formulas use. */
  groups: string;
  dispositions: DispositionRuleEntry[];
  outsideRoster: string;
  rates: { name: string; formula: string; meaning: string }[];
  /** The columns of GET /v1/dispositions, in order. */
  columns: { name: (typeof DISPOSITION_COLUMNS)[number]; description: string }[];
};

// The order and wording of docs/denominators.md; tests/collector/denominators/rates-codebook.test.ts holds each row
// to what disposition() returns, so the codebook cannot drift from the rules it describes.
const RULES: Omit<DispositionRuleEntry, 'order'>[] = [
  { rule: 'complete', code: '1.1', aapor: 'complete', definition: 'A complete response is stored.' },
  {
    rule: 'partial',
    code: '1.2',
    aapor: 'partial',
    definition:
      'A partial response answering at least PARTIAL_THRESHOLD (default 0.5) of the questions asked; its answers are kept.',
  },
  {
    rule: 'not_due',
    code: '4.10',
    aapor: 'not (yet) eligible',
    definition: 'The wave is not due yet: completed_at plus the wave’s months is after the day of the figures.',
  },
  {
    rule: 'due_unknown',
    code: '3.90',
    aapor: 'unknown eligibility, other',
    definition: 'A scheduled wave and no completed_at in the roster, so whether it is due cannot be known.',
  },
  {
    rule: 'opted_out',
    code: '2.11',
    aapor: 'refusal',
    definition: 'The collector holds “Don’t ask me again” for this learner and survey (explicit refusal).',
  },
  {
    rule: 'dismissed_never',
    code: '2.11',
    aapor: 'refusal',
    definition: 'A dismissed contact event with reason never (explicit refusal).',
  },
  {
    rule: 'undeliverable',
    code: '3.30',
    aapor: 'invitation returned undelivered',
    definition:
      'The SMTP server refused an invitation or reminder (an undeliverable event), no response is stored and nothing since shows the learner reached (shown, started, progress, completed).',
  },
  {
    rule: 'completed_without_response',
    code: '3.90',
    aapor: 'cannot be classified',
    definition: 'A completed contact event but no complete response stored: still on its way, or refused.',
  },
  {
    rule: 'break_off',
    code: '2.12',
    aapor: 'break-off',
    definition: 'Started (a started or progress event), or a partial response below PARTIAL_THRESHOLD.',
  },
  {
    rule: 'shown_not_started',
    code: '2.11',
    aapor: 'refusal',
    definition:
      'Shown (or dismissed “not now” or closed) and never started: reached and did not take part (implicit refusal).',
  },
  { rule: 'never_shown', code: '2.20', aapor: 'non-contact', definition: 'No contact event at all.' },
];

const G = 'I + P + R + NC + O + UH + UO';
const RATES: RatesCodebook['rates'] = [
  { name: 'RR1', formula: `I / (${G})`, meaning: 'completes over every eligible member' },
  { name: 'RR2', formula: `(I + P) / (${G})`, meaning: 'completes and partials over every eligible member' },
  { name: 'RR3', formula: 'I / (I + P + R + NC + O + e(UH + UO))', meaning: 'RR1 with e; equal to RR1 at e = 1' },
  { name: 'RR4', formula: '(I + P) / (I + P + R + NC + O + e(UH + UO))', meaning: 'RR2 with e; equal to RR2 at e = 1' },
  { name: 'RR5', formula: 'I / (I + P + R + NC + O)', meaning: 'RR1 leaving out members of unknown eligibility' },
  { name: 'RR6', formula: '(I + P) / (I + P + R + NC + O)', meaning: 'RR2 leaving out members of unknown eligibility' },
  { name: 'COOP1', formula: 'I / (I + P + R + O)', meaning: 'completes over members reached' },
  { name: 'COOP2', formula: '(I + P) / (I + P + R + O)', meaning: 'completes and partials over members reached' },
  { name: 'REF1', formula: `R / (${G})`, meaning: 'refusals and break-offs over every eligible member' },
  { name: 'CON1', formula: `(I + P + R + O) / (${G})`, meaning: 'members reached over every eligible member' },
];

const COLUMNS: Record<(typeof DISPOSITION_COLUMNS)[number], string> = {
  learner_hash: 'The keyed hash of the member’s learner_ref (the same HMAC as the responses’ learner_hash).',
  cohort: 'The cohort id.',
  wave: 'The wave: m0, m6, m12 … or once.',
  disposition: 'The final AAPOR disposition code (see the rules).',
  rule: 'Which rule gave the code, so an explicit refusal (opted_out, dismissed_never) is told from an implicit one.',
  contact_attempts: 'How many times the survey was shown to the member for this wave (shown events).',
  invitations:
    'How many invitations and reminders with a personal link the collector handed out to the member for this wave (invited and reminded events).',
  first_shown: 'When the survey was first shown (ISO 8601 UTC); empty if never.',
  last_event: 'The member’s latest contact event for this wave (ISO 8601 UTC); empty if none.',
};

/** The response-rate part of the codebook: what e the rates use and why, each disposition rule, rate and column. */
export function ratesCodebook(): RatesCodebook {
  return {
    eligibility: {
      e: ROSTER_ELIGIBILITY,
      why:
        'e is the share of members of unknown eligibility (3.x) taken to be eligible in RR3, RR4. With a roster every ' +
        'member is known to belong to the target population, so e = 1 and RR3 = RR1, RR4 = RR2.',
    },
    groups:
      'I = 1.1, P = 1.2, R = 2.11 + 2.12, NC = 2.20, O = 2.3x–2.9x (none recorded here), UH + UO = 3.30 + 3.90; ' +
      '4.10 (not yet eligible) enters no rate.',
    dispositions: RULES.map((r, i) => ({ order: i + 1, ...r })),
    outsideRoster:
      'outside_roster: responses to the survey and wave from learners not on the cohort’s roster; counted apart, in no rate.',
    rates: RATES,
    columns: DISPOSITION_COLUMNS.map((name) => ({ name, description: COLUMNS[name] })),
  };
}
