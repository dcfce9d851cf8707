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
  learnerRef?: string;
  /**
   * Kept only when the whole batch was refused (site key, origin, size): the
   * response itself is sound and can be sent again once the host fixes its
   * setup. An item the collector rejected can never be accepted as it is, so
   * its answers (sensitive ones included) are not kept on the device.
   */
  response?: SurveyResponse;
};
