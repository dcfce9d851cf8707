import type { Ack } from '../../protocol/index.ts';
import type { Logger } from '../logging/logger.ts';
import type { DenominatorStorage, StoredContactEvent } from '../storage/denominator-storage.ts';
import type { Storage } from '../storage/storage.ts';
import type { RejectionReason } from './rejection-reason.ts';
import { toStoredEvent } from './to-stored-event.ts';
import type { IngestContext } from './to-stored-response.ts';

const CONFLICT = 'id already stored with different content';

/** Storage as it is until every adapter implements DenominatorStorage; the lead tightens this after the merge. */
export type EventStorage = Storage & Partial<Pick<DenominatorStorage, 'insertContactEvents'>>;

/** Thrown when a batch carries events and the storage cannot keep them; the route answers 503, nothing is acked. */
export class EventsUnsupportedError extends Error {
  readonly code = 'events_unsupported';
  constructor() {
    super('this storage cannot store contact events (it does not implement DenominatorStorage.insertContactEvents)');
  }
}

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
  items.forEach((item, i) => {
    const prepared = toStoredEvent(item, `events[${i}]`, ctx);
    if (prepared.ok) {
      records.push(prepared.record);
      positions.push(i);
    } else {
      ack.rejected.push({ id: idOf(item), errors: prepared.errors });
      reasons.push(prepared.reason);
    }
  });
  if (records.length === 0) return reasons;
  if (!storage.insertContactEvents) throw new EventsUnsupportedError();
  const statuses = await storage.insertContactEvents(records);
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
