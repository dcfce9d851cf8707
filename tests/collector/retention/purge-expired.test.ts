import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../collector/logging/logger.ts';
import { purgeExpired } from '../../../collector/storage/purge-expired.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';

const NOW = Date.parse('2026-06-15T12:00:00.000Z');

describe('purgeExpired', () => {
  it('passes the cutoff for the retention period and logs the count', async () => {
    const storage = new MemoryStorage();
    const cutoffs: string[] = [];
    storage.purgeSubmittedBefore = async (cutoff) => {
      cutoffs.push(cutoff);
      return 3;
    };
    const log = memoryLogger();
    await purgeExpired(storage, 24, NOW, log);
    expect(cutoffs).toEqual(['2024-06-15T12:00:00.000Z']);
    expect(log.lines).toEqual([
      { level: 'info', event: 'retention_purge', purged: 3, cutoff: '2024-06-15T12:00:00.000Z', retentionMonths: 24 },
    ]);
  });

  it('logs a failure instead of throwing, so the collector keeps taking responses', async () => {
    const storage = new MemoryStorage();
    storage.purgeSubmittedBefore = () => Promise.reject(new Error('database is locked'));
    const log = memoryLogger();
    await expect(purgeExpired(storage, 24, NOW, log)).resolves.toBeUndefined();
    expect(log.lines).toEqual([
      expect.objectContaining({ level: 'error', event: 'retention_purge_failed', error: 'database is locked' }),
    ]);
  });
});
