import { rmSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { openStorage } from '../../../collector/storage/open-storage.ts';
import { response } from '../http/test-app.ts';
import { type CollectorProcess, startCollectorProcess, tempCollectorDir } from '../main/collector-process.ts';
import { cleanup, freshDatabase, send } from './pg-collectors.ts';

const BATCHES = 12;
const PER_BATCH = 25;

const processes: CollectorProcess[] = [];
afterEach(async () => {
  for (const p of processes.splice(0)) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  await cleanup();
});

async function storedIds(databaseUrl: string): Promise<Set<string>> {
  const storage = await openStorage(databaseUrl);
  try {
    const ids = new Set<string>();
    for await (const r of storage.responses({})) ids.add(r.id);
    return ids;
  } finally {
    await storage.close();
  }
}

it('keeps every acknowledged id through a kill -9 of a collector over PostgreSQL in the middle of a stream', async () => {
  const { dir } = tempCollectorDir();
  const db = await freshDatabase();
  try {
    const first = await startCollectorProcess(dir, db);
    processes.push(first);
    const batches = Array.from({ length: BATCHES }, () => Array.from({ length: PER_BATCH }, () => response()));
    const acknowledged: string[] = [];
    const inFlight: Promise<unknown>[] = [];
    for (const [i, b] of batches.entries()) {
      const sending = send(first.url, b).then((ack) => acknowledged.push(...ack.accepted, ...ack.duplicate));
      if (i < BATCHES / 2) await sending;
      else inFlight.push(sending.catch(() => {})); // the second half races the kill
    }
    // Killed once the stream is under way: some batches of the second half acknowledged, others still in flight.
    await Promise.race(inFlight);
    first.child.kill('SIGKILL');
    await Promise.all(inFlight);
    expect(await first.exited).toBeNull();
    expect(acknowledged.length).toBeGreaterThan((BATCHES / 2) * PER_BATCH);

    // Read straight from the database, before any resend could paper over a loss.
    const stored = await storedIds(db);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);

    const second = await startCollectorProcess(dir, db);
    processes.push(second);
    for (const b of batches) {
      const ack = await send(second.url, b);
      for (const id of ack.accepted) expect(acknowledged).not.toContain(id);
      expect(ack.rejected).toEqual([]);
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    expect((await storedIds(db)).size).toBe(BATCHES * PER_BATCH);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
