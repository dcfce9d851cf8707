import type { MemberEvent } from '../denominators/disposition.ts';
import type { StoredContactEvent } from './denominator-storage.ts';
import { sortTime } from './sort-time.ts';

/** The columns of `contact_events`; both adapters write these. */
export type ContactEventRow = {
  id: string;
  kind: string;
  survey_id: string;
  survey_version: number;
  at: string;
  at_sort: string;
  received_at: string;
  site_key: string;
  learner_hash: string | null;
  learner_ref_status: string | null;
  trigger: string | null;
  wave: string | null;
  cohort: string | null;
  course: string | null;
  path: string | null;
  answered: number | null;
  asked: number | null;
  reason: string | null;
  content_hash: string;
};

export const CONTACT_EVENT_COLUMNS = [
  'id',
  'kind',
  'survey_id',
  'survey_version',
  'at',
  'at_sort',
  'received_at',
  'site_key',
  'learner_hash',
  'learner_ref_status',
  'trigger',
  'wave',
  'cohort',
  'course',
  'path',
  'answered',
  'asked',
  'reason',
  'content_hash',
] as const satisfies readonly (keyof ContactEventRow)[];

export function toContactEventRow(e: StoredContactEvent): ContactEventRow {
  return {
    id: e.id,
    kind: e.kind,
    survey_id: e.surveyId,
    survey_version: e.surveyVersion,
    at: e.at,
    at_sort: sortTime(e.at, `contact event ${e.id} at`),
    received_at: e.receivedAt,
    site_key: e.siteKey,
    learner_hash: e.learnerHash ?? null,
    learner_ref_status: e.learnerRefStatus ?? null,
    trigger: e.context?.trigger ?? null,
    wave: e.context?.wave ?? null,
    cohort: e.context?.cohort ?? null,
    course: e.context?.courseId ?? null,
    path: e.context?.pathId ?? null,
    answered: e.answered ?? null,
    asked: e.asked ?? null,
    reason: e.reason ?? null,
    content_hash: e.contentHash,
  };
}

export type MemberEventRow = Pick<ContactEventRow, 'learner_hash' | 'kind' | 'at' | 'answered' | 'asked' | 'reason'>;

export function toMemberEvent(row: MemberEventRow): MemberEvent {
  const e: MemberEvent = { kind: row.kind as MemberEvent['kind'], at: row.at };
  if (row.answered !== null) e.answered = row.answered;
  if (row.asked !== null) e.asked = row.asked;
  if (row.reason !== null) e.reason = row.reason as MemberEvent['reason'];
  return e;
}
