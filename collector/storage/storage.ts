import type { SurveyResponse } from '../../protocol/index.ts';
import type { Flags } from '../flags/flag.ts';
import type { LearnerRefStatus } from '../ingest/learner-signature.ts';
import type { DenominatorStorage } from './denominator-storage.ts';
import type { InsertStatus } from './insert-status.ts';

/** One response as the collector keeps it. The raw learnerRef never gets here: only its keyed hash. */
export type StoredResponse = Omit<SurveyResponse, 'learnerRef' | 'learnerSig' | 'answers'> & {
  receivedAt: string;
  siteKey: string;
  learnerHash?: string;
  /** Whether the learnerRef sent was signed (issue 14); absent when none was sent. "unverified" comes without learnerHash. */
  learnerRefStatus?: LearnerRefStatus;
  /** Answers to non-sensitive questions. */
  answers: SurveyResponse['answers'];
  /** Answers to sensitive questions: kept in a separate table so they can be erased or withheld alone. */
  sensitiveAnswers: SurveyResponse['answers'];
  flags: Flags;
  /** Hash of the response as sent, to tell a harmless resend from a conflicting reuse of an id. */
  contentHash: string;
};

export type { InsertStatus } from './insert-status.ts';

export type ResponseFilter = {
  surveyId?: string;
  surveyVersion?: number;
  country?: string;
  /** The response's context.courseId and context.pathId (the widget's courseId/pathId options), matched exactly. */
  courseId?: string;
  pathId?: string;
  /** Inclusive lower and exclusive upper bound on submittedAt, ISO 8601. */
  from?: string;
  to?: string;
};

/** Rejected items of one UTC day, site key and coarse reason; nothing of the items themselves is kept. */
export type RejectionCount = { day: string; siteKey: string; reason: string; count: number };

export interface Storage extends DenominatorStorage {
  /** Runs pending migrations; safe to call at every start and from several instances at once. */
  migrate(): Promise<void>;
  /** Inserts in one transaction; idempotent by id. Returns one status per record, in order. */
  insert(records: StoredResponse[]): Promise<InsertStatus[]>;
  /** Streams matching responses ordered by (submittedAt, id), in constant memory. */
  responses(filter: ResponseFilter): AsyncIterable<StoredResponse>;
  count(filter: ResponseFilter): Promise<number>;
  /**
   * Erases every response (and its sensitive part) of one learner, and the learner's roster memberships and contact
   * events; returns how many responses.
   */
  eraseLearner(learnerHash: string): Promise<number>;
  /**
   * Retention: deletes every response (and its sensitive part) submitted before the cutoff, or
   * received before it when the device's clock ran ahead, and contact events likewise by `at`; returns how many
   * responses went.
   */
  purgeSubmittedBefore(cutoffIso: string): Promise<number>;
  /** "Don't ask me again", kept per learner so it holds on every device. */
  setOptOut(learnerHash: string, surveyId: string, at: string): Promise<void>;
  optedOut(learnerHash: string, surveyId: string): Promise<boolean>;
  /** Waves (context.wave) this learner already answered for a survey, so none is asked twice. */
  answeredWaves(learnerHash: string, surveyId: string): Promise<string[]>;
  /** Whether a complete response (not a partial) is kept for this learner, survey and wave: a spent personal link. */
  completedWave(learnerHash: string, surveyId: string, wave: string): Promise<boolean>;
  /** Adds to the day's rejection counts per reason (upsert-increment); day is YYYY-MM-DD (UTC). */
  countRejections(day: string, siteKey: string, counts: Record<string, number>): Promise<void>;
  /** Counts ordered by (day, siteKey, reason); from inclusive, to exclusive, both YYYY-MM-DD. */
  rejectionsByDay(from?: string, to?: string): Promise<RejectionCount[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
