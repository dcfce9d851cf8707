import type { ContactEvent, ResponseStatus } from '../../protocol/index.ts';
import type { DispositionCode, MemberEvent } from '../denominators/disposition.ts';
import type { LearnerRefStatus } from '../ingest/learner-signature.ts';
import type { StoredEventKind } from './event-kinds.ts';
import type { InsertStatus } from './insert-status.ts';

// What the denominators (issue 16) need of storage: rosters, contact events, and per member the facts a
// disposition is computed from. Both adapters implement it; tests/collector/storage/ holds them equal.

/** One roster member as stored: the keyed hash of learner_ref, never the ref. */
export type StoredMember = {
  learnerHash: string;
  /** YYYY-MM-DD */
  enrolledAt?: string;
  /** YYYY-MM-DD */
  completedAt?: string;
  country?: string;
  courseId?: string;
  pathId?: string;
  /** attr_<name> columns of the roster, by name without the prefix. */
  attrs: Readonly<Record<string, string>>;
};

/** What an import changed; `changeId` names the dated change record, absent when nothing changed. */
export type RosterImport = {
  cohortId: string;
  members: number;
  added: number;
  removed: number;
  changed: number;
  changeId?: number;
};

export type CohortSummary = { id: string; members: number; createdAt: string; updatedAt: string; imports: number };

/** A contact event as the collector keeps it: the learner only as its keyed hash. */
export type StoredContactEvent = Omit<ContactEvent, 'learnerRef' | 'learnerSig' | 'link' | 'kind'> & {
  /** What a device sent, or a contact attempt the collector made (event-kinds.ts). */
  kind: StoredEventKind;
  receivedAt: string;
  siteKey: string;
  learnerHash?: string;
  learnerRefStatus?: LearnerRefStatus;
  /** Hash of the event as sent, to tell a harmless resend from a conflicting reuse of an id. */
  contentHash: string;
};

/** Everything a member's disposition for one survey and wave is computed from (collector/denominators/disposition.ts). */
export type MemberFacts = {
  member: StoredMember;
  /** The member's contact events for the survey and wave, oldest first. */
  events: MemberEvent[];
  /** The response kept for the survey and wave after the revision rule, if any. */
  response?: { id: string; status: ResponseStatus; answered: number; asked: number };
  optedOut: boolean;
};

export type WaveQuery = { surveyId: string; cohortId: string; wave: string };

/** What rateCounts needs beyond the wave: the rest of a disposition's context, and the roster column to group by. */
export type RateCountQuery = WaveQuery & {
  /** wave-schedule.ts waveDueRule: due to every member, to none, or this many months after completed_at. */
  due: boolean | number;
  /** The moment the dispositions are computed for. */
  at: Date;
  partialThreshold: number;
  /** country, course_id, path_id or attr_<name>, checked by the caller (rate-query.ts); absent: no groups. */
  by?: string;
};

/** How far one member got in the funnel; `furthest` is the most questions answered, 0 when none. */
export type FunnelSteps = { shown: boolean; started: boolean; completed: boolean; furthest: number };

/** How many members of one group (`value` of the `by` column, null when empty or without `by`) share a code and steps. */
export type RateCount = FunnelSteps & { value: string | null; code: DispositionCode; members: number };

export interface DenominatorStorage {
  /**
   * Replaces a cohort's members with `members` in one transaction (all or nothing) and records what changed,
   * dated `at`; importing the same members again changes nothing and records nothing.
   */
  importRoster(cohortId: string, members: readonly StoredMember[], at: string): Promise<RosterImport>;
  /** Every cohort with its member count, ordered by id. */
  cohorts(): Promise<CohortSummary[]>;
  /** Inserts in one transaction; idempotent by id. One status per record, in order. */
  insertContactEvents(records: readonly StoredContactEvent[]): Promise<InsertStatus[]>;
  /**
   * The cohort's members with their roster columns, ordered by learnerHash, streamed in constant memory: the impact
   * figures (collector/impact/) read a whole year's rosters, where memberFacts would fetch every event too.
   */
  rosterMembers(cohortId: string): AsyncIterable<StoredMember>;
  /** One entry per member of the cohort, ordered by learnerHash, streamed in constant memory. */
  memberFacts(query: WaveQuery): AsyncIterable<MemberFacts>;
  /**
   * Responses to the survey and wave that no member of the cohort gave: those naming the cohort
   * (context.cohort) from a learner not on it, and those with no learner hash or naming no cohort
   * from a learner on no roster at all. Counted apart as "outside_roster", never merged.
   */
  outsideRoster(query: WaveQuery): Promise<number>;
  /**
   * Optional: the cohort's members counted by group, disposition and funnel steps in the database, so a million
   * members never cross into Node. An adapter offering it gives exactly what memberDisposition and memberSteps
   * give over memberFacts (tests/collector/storage/postgres/postgres-rate-counts.test.ts holds PostgreSQL to it);
   * without it, responseRates streams memberFacts and applies the rules itself.
   */
  rateCounts?(query: RateCountQuery): Promise<RateCount[]>;
  /**
   * How many contact events of `kind` the survey has with `at` in [from, to) (ISO 8601), counted in the database:
   * the impact figures' survey displays (`shown`) of a year, for the carbon footprint.
   */
  countContactEvents(query: ContactEventCount): Promise<number>;
}

export type ContactEventCount = { surveyId: string; kind: StoredEventKind; from: string; to: string };
