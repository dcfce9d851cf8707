import { moveToDeadLetters } from '../storage/dead-letters.ts';
import { removeQueued, reschedule } from '../storage/queue.ts';
import { type DeadLetter, payloadOf, type QueuedItem } from '../storage/queued-item.ts';
import { nextAttemptAt } from './backoff.ts';
import type { Verdict } from './classify-result.ts';
import type { Settlement } from './flush-report.ts';

export type VerdictToApply = {
  verdict: Verdict;
  /** The items the verdict is about, as sent. */
  batch: QueuedItem[];
  /** The rest of the same destination, not sent yet: it waits too when the batch is to be retried. */
  untried: QueuedItem[];
  /** The HTTP status of the answer (0 for a network error). */
  status: number;
  now: number;
  random?: () => number;
};

/**
 * Carries out a verdict on the device: delete what was acknowledged, set aside what was refused,
 * reschedule the rest. Resolves to what it settled, id by id.
 */
export async function applyVerdict({
  verdict: v,
  batch,
  untried,
  status,
  now,
  random,
}: VerdictToApply): Promise<Settlement> {
  const byId = new Map(batch.map((i) => [payloadOf(i).id, i]));
  await removeQueued([...v.accepted, ...v.duplicate]);
  const code = v.refusal?.code ?? 'rejected';
  await moveToDeadLetters(
    v.dead.map(({ id, errors }): DeadLetter => {
      const item = byId.get(id) as QueuedItem;
      const { surveyId, learnerRef } = payloadOf(item);
      const letter: DeadLetter = { id, code, surveyId, to: item.to, status, errors, deadAt: now, learnerRef };
      if (item.event) letter.kind = 'event';
      const kept = item.response ? { response: item.response } : { event: item.event };
      return v.deadKeepsResponse ? { ...letter, queuedAt: item.queuedAt, ...kept } : letter;
    }),
  );
  await rescheduleRetries(v, byId, untried, now, random);
  const settlement: Settlement = {
    settled: {
      delivered: [...v.accepted],
      duplicate: [...v.duplicate],
      setAside: v.dead.map(({ id }) => ({ id, code })),
      retrying: [...v.retry],
    },
  };
  const refusal = v.refusal;
  if (refusal && refusal.code !== 'batch-refused' && v.dead.length)
    settlement.refused = { ...refusal, code: refusal.code, ...batch[0].to };
  return settlement;
}

async function rescheduleRetries(
  v: Verdict,
  byId: Map<string, QueuedItem>,
  untried: QueuedItem[],
  now: number,
  random: (() => number) | undefined,
): Promise<void> {
  const retrying = v.retry.map((id) => byId.get(id) as QueuedItem);
  if (!retrying.length) return;
  const attempts = Math.max(...retrying.map((i) => i.attempts)) + 1;
  const until = nextAttemptAt(now, attempts, v.retryAfterMs, random);
  const tried = retrying.map((i) => ({
    id: payloadOf(i).id,
    attempts: i.attempts + 1,
    nextAttemptAt: until,
    lastError: v.reason,
  }));
  // The rest of this destination waits as well: one failed batch is enough to know it is down.
  const waiting = untried.map((i) => ({
    id: payloadOf(i).id,
    attempts: i.attempts,
    nextAttemptAt: until,
    lastError: i.lastError,
  }));
  await reschedule([...tried, ...waiting]);
}
