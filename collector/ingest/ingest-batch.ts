import type { Ack } from '../../protocol/index.ts';
import type { Logger } from '../logging/logger.ts';
import type { Storage, StoredResponse } from '../storage/storage.ts';
import { type IngestContext, toStoredResponse } from './to-stored-response.ts';

const CONFLICT = 'id already stored with different content';

// The id the client will look for in the ack; anything else is not worth echoing.
const idOf = (item: unknown): string | null => {
  const id =
    typeof item === 'object' && item !== null && !Array.isArray(item) ? (item as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null;
};

/** Checks each item alone, stores every valid one in one call, and says what became of each id. */
export async function ingestBatch(items: unknown[], ctx: IngestContext, storage: Storage, log: Logger): Promise<Ack> {
  const ack: Ack = { accepted: [], duplicate: [], rejected: [] };
  const records: StoredResponse[] = [];
  const positions: number[] = [];
  items.forEach((item, i) => {
    const prepared = toStoredResponse(item, `responses[${i}]`, ctx);
    if (prepared.ok) {
      records.push(prepared.record);
      positions.push(i);
    } else ack.rejected.push({ id: idOf(item), errors: prepared.errors });
  });
  if (records.length === 0) return ack;
  const statuses = await storage.insert(records);
  statuses.forEach((status, i) => {
    const id = records[i].id;
    if (status === 'accepted') ack.accepted.push(id);
    else if (status === 'duplicate') ack.duplicate.push(id);
    else {
      ack.rejected.push({ id, errors: [{ path: `responses[${positions[i]}].id`, message: CONFLICT }] });
      log.warn({ event: 'conflict', id, siteKey: ctx.siteKey, message: CONFLICT });
    }
  });
  return ack;
}
