import { nextAttemptAt } from './backoff.ts';
import type { Verdict } from './classify-result.ts';
import type { FlushOptions, FlushReport } from './flush.ts';
import { moveToDeadLetters, removeQueued, reschedule } from './outbox.ts';
import type { DeadLetter, QueuedItem } from './queued-item.ts';

/** Carries out a verdict on the device: delete what was acknowledged, set aside what was refused, reschedule the rest. */
export async function applyVerdict(
  v: Verdict,
  batch: QueuedItem[],
  untried: QueuedItem[],
  status: number,
  report: FlushReport,
  opts: FlushOptions,
  now: () => number,
) {
  const byId = new Map(batch.map((i) => [i.response.id, i]));
  await removeQueued([...v.accepted, ...v.duplicate]);
  const t = now();
  await moveToDeadLetters(
    v.dead.map(({ id, errors }): DeadLetter => {
      const { response, to, queuedAt } = byId.get(id) as QueuedItem;
      const letter: DeadLetter = {
        id,
        code: v.refusal?.code ?? 'rejected',
        surveyId: response.surveyId,
        to,
        status,
        errors,
        deadAt: t,
        learnerRef: response.learnerRef,
      };
      return v.deadKeepsResponse ? { ...letter, queuedAt, response } : letter;
    }),
  );
  const retrying = v.retry.map((id) => byId.get(id) as QueuedItem);
  if (retrying.length) {
    const attempts = Math.max(...retrying.map((i) => i.attempts)) + 1;
    const until = nextAttemptAt(t, attempts, v.retryAfterMs, opts.random);
    const tried = retrying.map((i) => ({
      id: i.response.id,
      attempts: i.attempts + 1,
      nextAttemptAt: until,
      lastError: v.reason,
    }));
    // The rest of this destination waits as well: one failed batch is enough to know it is down.
    const waiting = untried.map((i) => ({
      id: i.response.id,
      attempts: i.attempts,
      nextAttemptAt: until,
      lastError: i.lastError,
    }));
    await reschedule([...tried, ...waiting]);
  }
  report.sent += v.accepted.length;
  report.duplicates += v.duplicate.length;
  report.rejected += v.dead.length;
  const refusal = v.refusal;
  if (refusal && refusal.code !== 'batch-refused' && v.dead.length)
    report.refused = [...(report.refused ?? []), { ...refusal, code: refusal.code, ...batch[0].to }];
  report.retried += v.retry.length;
}
