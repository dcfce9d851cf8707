import type { ContactEvent } from '../../protocol/contact-event.ts';
import type { FieldError, SurveyResponse } from '../../protocol/index.ts';

/** Where a response goes; each queued item carries its own, so the worker can drain without the page. */
export type Destination = { endpoint: string; siteKey: string };

/**
 * One outbox record: a response or a contact event (never both), delivered by the same policy. One store for
 * both, so one flush, one lease and one acknowledgement (ids are UUIDs, unique across the two kinds) cover them.
 */
export type QueuedItem = (
  | { response: SurveyResponse; event?: undefined }
  | { event: ContactEvent; response?: undefined }
) & {
  to: Destination;
  queuedAt: number;
  attempts: number;
  nextAttemptAt: number;
  /** Why the last attempt failed, for hosts looking at pending(). */
  lastError?: string;
};

/**
 * Why an item was set aside, as data: `rejected` (the collector refused this item alone),
 * `site-key-refused` (401) and `origin-refused` (403) (the collector refused the set-up),
 * `batch-refused` (another 4xx for the whole batch), `unreadable-record` (the queue record
 * is not one this version can read).
 */
export type DeadLetterCode = 'rejected' | 'site-key-refused' | 'origin-refused' | 'batch-refused' | 'unreadable-record';

export type DeadLetter = {
  id: string;
  code: DeadLetterCode;
  /** "(unknown)" for an unreadable record that names none. */
  surveyId: string;
  /** Absent only for an unreadable record that names none. */
  to?: Destination;
  /** The HTTP status of the answer that refused it (200 when the collector rejected this item alone). */
  status: number;
  errors: FieldError[];
  deadAt: number;
  /** When it was first queued: a response sent again still expires 90 days after that. */
  queuedAt?: number;
  learnerRef?: string;
  /** "event" for a contact event's letter: pending() and deadLetters() tell the host of responses only. */
  kind?: 'event';
  /**
   * Kept only when the whole batch was refused (site key, origin, media type): the
   * response itself is sound, and it is sent again once a day (delivery/review-dead-letters.ts), so it
   * arrives once the setup is fixed on the collector's side. An item the collector rejected can never be accepted as it is, so
   * its answers (sensitive ones included) are not kept on the device.
   */
  response?: SurveyResponse;
  /** A contact event kept for the same reason as `response`; it never carries an answer. */
  event?: ContactEvent;
  /**
   * An unreadable queue record as it was found, so nothing is dropped unseen; it expires like any
   * dead letter and is erased by withdraw().
   */
  record?: unknown;
};

/** What a queue item carries: a response or a contact event, both with an id, a surveyId and maybe a learnerRef. */
export const payloadOf = (item: QueuedItem): SurveyResponse | ContactEvent =>
  (item.response ?? item.event) as SurveyResponse | ContactEvent;
