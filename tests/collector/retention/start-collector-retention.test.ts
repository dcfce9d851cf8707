import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryLogger } from '../../../collector/logging/logger.ts';
import { startCollector } from '../../../collector/start-collector.ts';
import { openStorage } from '../../../collector/storage/open-storage.ts';
import { testConfig } from '../http/test-app.ts';
import { tempCollectorDir } from '../main/collector-process.ts';
import { makeFullRecord, testId } from '../storage/make-record.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** One response per submission date, received a minute later. */
const seeded = (dates: string[]) =>
  dates.map((day, i) =>
    makeFullRecord({
      id: testId(900 + i),
      submittedAt: `${day}T12:00:00Z`,
      receivedAt: `${day}T12:01:00.000Z`,
    }),
  );

async function remainingIds(databaseUrl: string): Promise<string[]> {
  const storage = await openStorage(databaseUrl);
  try {
    const ids: string[] = [];
    for await (const r of storage.responses({})) ids.push(r.id);
    return ids;
  } finally {
    await storage.close();
  }
}

describe('startCollector retention', () => {
  const dirs: string[] = [];
  afterEach(() => {
    vi.useRealTimers();
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  async function setUp(env: Record<string, string>, dates: string[]) {
    const { dir, databaseUrl } = tempCollectorDir();
    dirs.push(dir);
    const storage = await openStorage(databaseUrl);
    await storage.insert(seeded(dates));
    await storage.close();
    return {
      databaseUrl,
      config: testConfig({ ...env, DATABASE_URL: databaseUrl, SURVEYS_DIR: join(dir, 'surveys') }),
    };
  }

  it('deletes responses older than RETENTION_MONTHS before it serves, logging only the count', async () => {
    const { databaseUrl, config } = await setUp({}, ['2024-06-14', '2024-06-16', '2026-01-01']);
    const log = memoryLogger();
    const now = () => Date.parse('2026-06-15T12:00:00Z');
    const collector = await startCollector({ config, port: 0, host: '127.0.0.1', log, now });
    await collector.close();
    const purges = log.lines.filter((l) => String(l.event).startsWith('retention'));
    expect(purges).toEqual([expect.objectContaining({ event: 'retention_purge', purged: 1, retentionMonths: 24 })]);
    expect(JSON.stringify(log.lines)).not.toContain(testId(900));
    expect(await remainingIds(databaseUrl)).toEqual([testId(901), testId(902)]);
  });

  it('honours a shorter RETENTION_MONTHS', async () => {
    const { databaseUrl, config } = await setUp({ RETENTION_MONTHS: '6' }, ['2025-12-14', '2025-12-16']);
    const now = () => Date.parse('2026-06-15T12:00:00Z');
    const collector = await startCollector({ config, port: 0, host: '127.0.0.1', log: memoryLogger(), now });
    await collector.close();
    expect(await remainingIds(databaseUrl)).toEqual([testId(901)]);
  });

  it('purges again every 24 hours and stops when closed', async () => {
    const { databaseUrl, config } = await setUp({}, ['2024-06-14', '2024-06-16', '2024-06-18']);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const log = memoryLogger();
    let clock = Date.parse('2026-06-15T12:00:00Z');
    const collector = await startCollector({ config, port: 0, host: '127.0.0.1', log, now: () => clock });
    clock += 2 * DAY_MS;
    vi.advanceTimersByTime(DAY_MS);
    await collector.close();
    await vi.advanceTimersByTimeAsync(10 * DAY_MS);
    // A purge started by a timer left running would have logged by now (success or failure on a closed database).
    await new Promise((resolve) => setImmediate(resolve));
    const purges = log.lines.filter((l) => String(l.event).startsWith('retention'));
    expect(purges.map((l) => [l.event, l.purged])).toEqual([
      ['retention_purge', 1],
      ['retention_purge', 1],
    ]);
    expect(await remainingIds(databaseUrl)).toEqual([testId(902)]);
  });
});
