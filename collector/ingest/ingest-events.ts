import type { Ack } from '../../protocol/index.ts';
import type { Logger } from '../logging/logger.ts';
import type { StoredContactEvent } from '../storage/denominator-storage.ts';
import type { Storage } from '../storage/storage.ts';
import type { RejectionReason } from './rejection-reason.ts';
import { toStoredEvent } from './to-stored-event.ts';
import type { IngestContext } from './to-stored-response.ts';

const CONFLICT = 'id already stored with different content';

/** Every adapter keeps contact events (collector/storage/denominator-storage.ts). */
export type EventStorage = Storage;

const idOf = (item: unknown): string | null => {
  const id =
    typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null;
};

/**
 * Checks each contact event alone, stores every valid one in one call, and adds what became of each id to `ack`
 * (the same lists as responses). Returns the reasons of its rejections, to be counted with the responses'.
 */
export async function ingestEvents(
  items: readonly unknown[],
  ctx: IngestContext,
  storage: EventStorage,
  log: Logger,
  ack: Ack,
): Promise<RejectionReason[]> {
  const records: StoredContactEvent[] = [];
  const positions: number[] = [];
  const reasons: RejectionReason[] = [];
  const optOuts = new Set<StoredContactEvent>();
  items.forEach((item, i) => {
    const prepared = toStoredEvent(item, `events[${i}]`, ctx);
    if (prepared.ok) {
      records.push(prepared.record);
      positions.push(i);
      if (prepared.optOut) optOuts.add(prepared.record);
    } else {
      ack.rejected.push({ id: idOf(item), errors: prepared.errors });
      reasons.push(prepared.reason);
    }
  });
  if (records.length === 0) return reasons;
  const statuses = await storage.insertContactEvents(records);
  // Before the ack, and on a resend too (setOptOut keeps the first): a device told "acknowledged" has it kept.
  for (const [i, e] of records.entries())
    if (optOuts.has(e) && e.learnerHash && statuses[i] !== 'conflict')
      await storage.setOptOut(e.learnerHash, e.surveyId, e.at);
  statuses.forEach((status, i) => {
    const id = records[i].id;
    if (status === 'accepted') ack.accepted.push(id);
    else if (status === 'duplicate') ack.duplicate.push(id);
    else {
      ack.rejected.push({ id, errors: [{ path: `events[${positions[i]}].id`, message: CONFLICT }] });
      reasons.push('conflict');
      log.warn({ event: 'conflict', id, siteKey: ctx.siteKey, message: CONFLICT });
    }
  });
  return reasons;
}
