import { FLAG_NAMES, type Flag, type Flags, SENSITIVE_FLAGS } from '../flags/flag.ts';
import type { LearnerRefStatus } from '../ingest/learner-signature.ts';
import { answeredCount, statusOf } from './revision-rule.ts';
import { sortTime } from './sort-time.ts';
import type { StoredResponse } from './storage.ts';

/** The columns of `responses`, JSON columns as text; both adapters write these. */
export type ResponseRow = {
  id: string;
  survey_id: string;
  survey_version: number;
  submitted_at: string;
  submitted_sent: string;
  received_at: string;
  locale: string;
  country: string | null;
  consent_sensitive: boolean;
  consent_version: string;
  /** JSON array of consent.groups; null when the response had none (not the same as []). */
  consent_groups: string | null;
  learner_hash: string | null;
  learner_ref_status: LearnerRefStatus | null;
  context: string | null;
  answers: string;
  flags: string;
  content_hash: string;
  site_key: string;
  /** partial | complete; a response sent without a status is complete. */
  status: 'partial' | 'complete';
  /** Questions answered (sensitive ones included), what the revision rule compares two partials by. */
  answered: number;
};

/** The columns of `sensitive_answers`. */
export type SensitiveRow = { response_id: string; answers: string; flags: string };

/** A row as read back: responses joined with sensitive_answers (absent once erased or withheld). */
export type JoinedRow = Omit<
  ResponseRow,
  'answered' | 'consent_sensitive' | 'consent_groups' | 'context' | 'answers' | 'flags'
> & {
  consent_sensitive: boolean | number;
  consent_groups: unknown;
  context: unknown;
  answers: unknown;
  flags: unknown;
  sensitive_answers: unknown;
  sensitive_flags: unknown;
};

const SENSITIVE = new Set<string>(SENSITIVE_FLAGS);

// A loop in the flags' own order rather than entries → filter → fromEntries: every stored response goes through
// here twice (issue 20). Same keys, same order, so the same JSON text.
function pickFlags(flags: Flags, sensitive: boolean): Partial<Flags> {
  const picked: Partial<Flags> = {};
  for (const name of Object.keys(flags) as (keyof Flags)[])
    if (SENSITIVE.has(name) === sensitive) picked[name] = flags[name];
  return picked;
}

export function toRows(r: StoredResponse): { response: ResponseRow; sensitive: SensitiveRow } {
  return {
    response: {
      id: r.id,
      survey_id: r.surveyId,
      survey_version: r.surveyVersion,
      submitted_at: sortTime(r.submittedAt, `response ${r.id} submittedAt`),
      submitted_sent: r.submittedAt,
      received_at: r.receivedAt,
      locale: r.locale,
      country: r.country ?? null,
      consent_sensitive: r.consent.sensitive,
      consent_version: r.consent.version,
      consent_groups: r.consent.groups === undefined ? null : JSON.stringify(r.consent.groups),
      learner_hash: r.learnerHash ?? null,
      learner_ref_status: r.learnerRefStatus ?? null,
      context: r.context === undefined ? null : JSON.stringify(r.context),
      answers: JSON.stringify(r.answers),
      flags: JSON.stringify(pickFlags(r.flags, false)),
      content_hash: r.contentHash,
      site_key: r.siteKey,
      status: statusOf(r),
      answered: answeredCount(r),
    },
    sensitive: {
      response_id: r.id,
      answers: JSON.stringify(r.sensitiveAnswers),
      flags: JSON.stringify(pickFlags(r.flags, true)),
    },
  };
}

// SQLite hands JSON columns back as text, pg as parsed values.
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

/** Sensitive flags whose row is gone read as unknown, never as false. */
const WITHHELD: Flag = { value: null, rule: 'withheld' };

export function fromRow(row: JoinedRow): StoredResponse {
  // A loop rather than spreading both objects and rebuilding a third: an export reads every row
  // through here, and the copies were a visible share of its time (issue 9). The tables split the
  // flags, so no name is in both; the sensitive one would win, as it did when spread last.
  const plain: Partial<Flags> = json(row.flags) ?? {};
  const sensitive: Partial<Flags> = json(row.sensitive_flags) ?? {};
  const flags = {} as Flags;
  for (const n of FLAG_NAMES) flags[n] = sensitive[n] ?? plain[n] ?? WITHHELD;
  const r: StoredResponse = {
    id: row.id,
    surveyId: row.survey_id,
    surveyVersion: row.survey_version,
    submittedAt: row.submitted_sent,
    locale: row.locale,
    answers: json(row.answers),
    consent: { sensitive: Boolean(row.consent_sensitive), version: row.consent_version },
    receivedAt: row.received_at,
    siteKey: row.site_key,
    sensitiveAnswers: json(row.sensitive_answers) ?? {},
    flags,
    contentHash: row.content_hash,
  };
  if (row.consent_groups !== null) r.consent.groups = json(row.consent_groups);
  if (row.country !== null) r.country = row.country;
  if (row.context !== null) r.context = json(row.context);
  if (row.learner_hash !== null) r.learnerHash = row.learner_hash;
  if (row.learner_ref_status !== null) r.learnerRefStatus = row.learner_ref_status;
  // Absent means complete (protocol/response-status.ts), so only a partial says so when read back.
  if (row.status === 'partial') r.status = 'partial';
  return r;
}
