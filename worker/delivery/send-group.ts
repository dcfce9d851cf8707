import { payloadOf, type QueuedItem } from '../storage/queued-item.ts';
import { applyVerdict } from './apply-verdict.ts';
import { classifyResult } from './classify-result.ts';
import type { Destinations } from './destinations.ts';
import type { Settlement } from './flush-report.ts';
import { postBatch } from './post-batch.ts';

export type GroupSend = {
  fetch: typeof fetch;
  now: () => number;
  random?: () => number;
  batchSize: number;
  /** Called before each POST, so a long flush keeps its lock. */
  renew: () => Promise<void>;
  seen: Destinations;
};

/**
 * Sends one destination's due items batch by batch, and stops at the first batch to be retried:
 * the rest of that destination waits with it. Resolves to what each batch settled.
 */
export async function sendGroup(key: string, group: QueuedItem[], ctx: GroupSend): Promise<Settlement[]> {
  const { seen, now } = ctx;
  const settlements: Settlement[] = [];
  for (let start = 0; start < group.length; ) {
    await ctx.renew();
    const batch = group.slice(start, start + (seen.sizes.get(key) ?? ctx.batchSize));
    // Responses and contact events in one envelope, acknowledged in the same lists by id.
    const outcome = await postBatch(
      batch[0].to,
      batch.flatMap((i) => (i.response ? [i.response] : [])),
      ctx.fetch,
      now,
      batch.flatMap((i) => (i.event ? [i.event] : [])),
    );
    // Too large for this collector (its MAX_BATCH or body limit): the same items again in
    // halves, down to one; only an item too large on its own is set aside with the 413.
    if (outcome.kind === 'http' && outcome.status === 413 && batch.length > 1) {
      seen.sizes.set(key, Math.ceil(batch.length / 2));
      continue;
    }
    const verdict = classifyResult(
      batch.map((i) => payloadOf(i).id),
      outcome,
    );
    settlements.push(
      await applyVerdict({
        verdict,
        batch,
        untried: group.slice(start + batch.length),
        status: outcome.kind === 'http' ? outcome.status : 0,
        now: now(),
        random: ctx.random,
      }),
    );
    if (verdict.accepted.length || verdict.duplicate.length) seen.healthy.add(key);
    if (verdict.retry.length) {
      seen.failing.add(key);
      seen.healthy.delete(key);
      break;
    }
    start += batch.length;
  }
  return settlements;
}
