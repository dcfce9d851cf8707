import type { Logger } from '../logging/logger.ts';
import { retentionCutoff } from './retention-cutoff.ts';
import type { Storage } from './storage.ts';

/**
 * Deletes the responses older than the retention period and logs one line with the count (never
 * ids). A failure is logged, not thrown: the collector keeps taking responses and tries again later.
 */
export async function purgeExpired(storage: Storage, retentionMonths: number, now: number, log: Logger): Promise<void> {
  const cutoff = retentionCutoff(new Date(now), retentionMonths);
  try {
    const purged = await storage.purgeSubmittedBefore(cutoff);
    log.info({ event: 'retention_purge', purged, cutoff, retentionMonths });
  } catch (err) {
    log.error({ event: 'retention_purge_failed', cutoff, retentionMonths, error: (err as Error).message });
  }
}
