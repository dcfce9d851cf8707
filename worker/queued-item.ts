import type { FieldError, SurveyResponse } from '../protocol/index.ts';

/** Where a response goes; each queued item carries its own, so the worker can drain without the page. */
export type Destination = { endpoint: string; siteKey: string };

export type QueuedItem = {
  response: SurveyResponse;
  to: Destination;
  queuedAt: number;
  attempts: number;
  nextAttemptAt: number;
  /** Why the last attempt failed, for hosts looking at pending(). */
  lastError?: string;
};

export type DeadLetter = {
  id: string;
  surveyId: string;
  to: Destination;
  /** The HTTP status of the answer that refused it (200 when the collector rejected this item alone). */
  status: number;
  errors: FieldError[];
  deadAt: number;
  /** When it was first queued: a response sent again still expires 90 days after that. */
  queuedAt?: number;
  learnerRef?: string;
  /**
   * Kept only when the whole batch was refused (site key, origin, media type): the
   * response itself is sound, and it is sent again once a day (flush.ts), so it
   * arrives once the setup is fixed on the collector's side. An item the collector rejected can never be accepted as it is, so
   * its answers (sensitive ones included) are not kept on the device.
   */
  response?: SurveyResponse;
};
