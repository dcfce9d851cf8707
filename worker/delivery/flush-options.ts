const DAY_MS = 24 * 60 * 60 * 1000;

/** Unsent items older than this are dropped and counted. */
export const DEFAULT_MAX_AGE_MS = 90 * DAY_MS;
/** How long a whole batch refused for its set-up waits in the dead letters before it is sent again. */
export const DEFAULT_RESEND_DEAD_AFTER_MS = DAY_MS;
export const DEFAULT_BATCH_SIZE = 50;

export type FlushOptions = {
  now?: () => number;
  fetch?: typeof fetch;
  random?: () => number;
  /** Unsent items older than this are dropped and counted (default 90 days). */
  maxAgeMs?: number;
  batchSize?: number;
  /** How long a whole batch refused for its setup waits in the dead letters before it is sent again (default a day). */
  resendDeadAfterMs?: number;
  /** Try every item now, e.g. when the browser says it is back online. */
  ignoreBackoff?: boolean;
  /** Injected in tests; null forces the IndexedDB lease fallback. */
  locks?: Pick<LockManager, 'request'> | null;
};
