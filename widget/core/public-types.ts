// The types an npm user sees. Self-contained on purpose: the build turns this file
// into dist/public-types.d.ts on its own (vite.config.ts), with no other file behind it.

export type EventName = 'shown' | 'dismissed' | 'submitted' | 'synced' | 'error';
export type Handler = (detail: Record<string, unknown>) => void;

/** The same options as the script tag's data-* attributes, by their JavaScript names. */
export type OutcomeSurveyOptions = {
  /** The collector, e.g. "https://collector.example". */
  endpoint: string;
  siteKey: string;
  /** Survey id, e.g. "career-outcomes". */
  survey: string;
  /** ISO 3166-1 alpha-2, e.g. "FR": picks the country's question pack. */
  country?: string;
  /** BCP 47, e.g. "fr"; defaults to the page's lang, then the browser's languages. */
  locale?: string;
  /** An opaque learner id; the collector keeps only a keyed hash of it. */
  learnerRef?: string;
  /**
   * Hex HMAC-SHA-256 of learnerRef keyed by the site key's learnerSecret, made by the host's back end.
   * Where the site key has a secret, a ref without it is not trusted (README "Verifying learner identity").
   */
  learnerSig?: string;
  /** Path of the host's copy of outcome-survey-sw.js; without it the page drains the queue itself. */
  sw?: string;
  debug?: boolean;
  /** When to ask, besides show(): "manual" (default), "event:NAME" (after track(NAME)), "delay:SECONDS", "waves". */
  trigger?: 'manual' | 'waves' | `event:${string}` | `delay:${number}`;
  /** Course completion date (ISO 8601), needed by trigger "waves". */
  completedAt?: string;
  /** Months after completion at which to ask; default [0, 6, 12]. */
  waves?: number[];
  /** At most one prompt per this many days; default 30. */
  capDays?: number;
  courseId?: string;
  pathId?: string;
  /**
   * The token of a personal survey link (the page the collector serves at /s/TOKEN): every response and
   * contact event carries it, the survey shows at once with no eligibility request, and a partial answer
   * resumes on this device.
   */
  link?: string;
};

/**
 * A response set aside on this device, and why; its answers are not shown. `code` is one of:
 * "site-key-refused" (HTTP 401) and "origin-refused" (HTTP 403): the collector refused the set-up, the
 * response is kept and sent again once a day; "batch-refused": another refusal of the whole batch;
 * "rejected": the collector refused this response alone; "unreadable-record": a queue record this
 * version cannot read. Each expires 90 days after it was set aside.
 */
export type DeadLetterInfo = {
  id: string;
  surveyId: string;
  code: 'site-key-refused' | 'origin-refused' | 'batch-refused' | 'rejected' | 'unreadable-record';
  /** The HTTP status that refused it; 200 when rejected alone, 0 for an unreadable record. */
  status: number;
  errors: { path: string; message: string }[];
  /** When it was set aside (ms since 1970). */
  deadAt: number;
};

/** What hosts call, on `window.OutcomeSurvey` or from the npm package. */
export type OutcomeSurveyApi = {
  /** Resolves to whether the options were accepted (a refused option is named on the console). */
  init(options: OutcomeSurveyOptions): Promise<boolean>;
  /** Resolves to whether the survey was shown ("don't ask me again" and answered waves still hold). */
  show(surveyId?: string): Promise<boolean>;
  on(event: EventName, handler: Handler): () => void;
  /** Tells the widget that something happened on the host page, e.g. "course_completed". */
  track(eventName: string): void;
  /** How many responses are still on this device: queued, and set aside (see deadLetters()). */
  pending(): Promise<number>;
  /** The responses set aside on this device, each with its reason (issue 14). */
  deadLetters(): Promise<DeadLetterInfo[]>;
  /**
   * The learner withdraws: erases the responses still queued on this device (and any the
   * collector refused) for the configured learnerRef, or all of this site's without one.
   * Resolves to how many were erased. What already reached the collector is erased there
   * with DELETE /v1/learners/:ref.
   */
  withdraw(): Promise<number>;
  flush(): Promise<void>;
  destroy(): void;
};
