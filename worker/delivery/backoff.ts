export type BackoffPolicy = { baseMs: number; capMs: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 60 * 60 * 1000 };

/**
 * Exponential backoff with full jitter (a random delay between 0 and
 * base·2^(attempts-1), capped): clients that failed together do not come back
 * together, so a collector that restarts is not met by a retry storm.
 * https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffDelay(
  attempts: number,
  random: () => number = Math.random,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
}

/** When to try again: never before the collector's Retry-After, never beyond the cap. */
export function nextAttemptAt(
  now: number,
  attempts: number,
  retryAfterMs: number | undefined,
  random?: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number {
  const jittered = backoffDelay(attempts, random, policy);
  const wait = retryAfterMs === undefined ? jittered : Math.min(policy.capMs, Math.max(retryAfterMs, jittered));
  return now + wait;
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
