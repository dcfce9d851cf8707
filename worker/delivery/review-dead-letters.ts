import { deadLetters, removeDeadLetters, requeueDeadLetters } from '../storage/dead-letters.ts';
import type { DeadLetter } from '../storage/queued-item.ts';

/**
 * The first step of a flush, on one read of the dead letters: the expired go; a whole batch
 * refused for its set-up (site key, origin) may go through once the collector is fixed, so its
 * responses are queued again once a day, and still expire maxAge after they were first queued.
 */
export async function reviewDeadLetters(now: number, policy: { maxAgeMs: number; resendAfterMs: number }) {
  const dead = await deadLetters();
  const expired = (d: DeadLetter) => d.deadAt + policy.maxAgeMs <= now;
  await removeDeadLetters(dead.filter(expired).map((d) => d.id));
  const resendBefore = now - policy.resendAfterMs;
  await requeueDeadLetters(
    dead.filter((d) => !expired(d) && d.deadAt <= resendBefore),
    now,
  );
}
