import type { Ack } from '../../protocol/index.ts';
import type { Logger } from '../logging/logger.ts';
import type { StoredResponse } from '../storage/storage.ts';
import { type EventStorage, ingestEvents } from './ingest-events.ts';
import { type RejectionReason, tallyReasons } from './rejection-reason.ts';
import { type IngestContext, toStoredResponse } from './to-stored-response.ts';

const CONFLICT = 'id already stored with different content';
const SPENT =
  'this personal link was already answered (a complete response from it is kept): nothing more is accepted through it; the school can send a new link for another wave';

// The id the client will look for in the ack; anything else is not worth echoing.
const idOf = (item: unknown): string | null => {
  const id =
    typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null;
};

/**
 * Checks each item alone, stores every valid one in one call, and says what became of each id. Contact events
 * (`events`) are judged the same way and acknowledged in the same lists.
 */
export async function ingestBatch(
  items: unknown[],
  ctx: IngestContext,
  storage: EventStorage,
  log: Logger,
  events: readonly unknown[] = [],
): Promise<Ack> {
  const ack: Ack = { accepted: [], duplicate: [], rejected: [] };
  const records: StoredResponse[] = [];
  const positions: number[] = [];
  const reasons: RejectionReason[] = [];
  items.forEach((item, i) => {
    const prepared = toStoredResponse(item, `responses[${i}]`, ctx);
    if (prepared.ok) {
      records.push(prepared.record);
      positions.push(i);
    } else {
      ack.rejected.push({ id: idOf(item), errors: prepared.errors });
      reasons.push(prepared.reason);
    }
  });
  // Throws before anything is counted: the client retries the whole batch, so counting now would count twice.
  const statuses = records.length ? await storage.insert(records) : [];
  statuses.forEach((status, i) => {
    const id = records[i].id;
    if (status === 'accepted') ack.accepted.push(id);
    else if (status === 'duplicate') ack.duplicate.push(id);
    else if (status === 'spent') {
      ack.rejected.push({ id, errors: [{ path: `responses[${positions[i]}].link`, message: SPENT }] });
      reasons.push('link_spent');
    } else {
      ack.rejected.push({ id, errors: [{ path: `responses[${positions[i]}].id`, message: CONFLICT }] });
      reasons.push('conflict');
      log.warn({ event: 'conflict', id, siteKey: ctx.siteKey, message: CONFLICT });
    }
  });
  // Also throws before anything is counted; stored responses are then acked as duplicates on the retry.
  if (events.length) reasons.push(...(await ingestEvents(events, ctx, storage, log, ack)));
  if (reasons.length) countLater(reasons, ctx, storage, log);
  return ack;
}

// After the ack is on its way (setImmediate runs once the response is written), and never awaited: the count is
// for the dashboard's delivery health, and losing one is better than failing or slowing an acknowledgement.
function countLater(reasons: RejectionReason[], ctx: IngestContext, storage: EventStorage, log: Logger): void {
  const day = ctx.receivedAt.slice(0, 10);
  setImmediate(() => {
    // Through a promise, so a storage that throws synchronously is logged the same way.
    Promise.resolve()
      .then(() => storage.countRejections(day, ctx.siteKey, tallyReasons(reasons)))
      .catch((err: unknown) => {
        log.warn({ event: 'rejection_count_failed', day, siteKey: ctx.siteKey, error: (err as Error).message });
      });
  });
}
