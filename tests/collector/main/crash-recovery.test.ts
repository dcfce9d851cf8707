import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../../collector/storage/open-storage.ts';
import { Ack } from '../../../protocol/index.ts';
import { ORIGIN, response, SITE_KEY } from '../http/test-app.ts';
import { type CollectorProcess, startCollectorProcess, tempCollectorDir } from './collector-process.ts';

const BATCHES = 12;
const PER_BATCH = 25;

const send = async (url: string, responses: unknown[]) => {
  const res = await fetch(`${url}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ siteKey: SITE_KEY, responses }),
  });
  expect(res.status).toBe(200);
  return Ack.parse(await res.json());
};

describe('collector process', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const f of cleanup.splice(0)) f();
  });
  const track = (p: CollectorProcess) => {
    cleanup.push(() => p.child.exitCode === null && p.child.kill('SIGKILL'));
    return p;
  };

  it('keeps every acknowledged id through a kill -9 in the middle of a stream', async () => {
    const { dir, databaseUrl } = tempCollectorDir();
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const first = track(await startCollectorProcess(dir, databaseUrl));
    const batches = Array.from({ length: BATCHES }, () => Array.from({ length: PER_BATCH }, () => response()));
    const acknowledged: string[] = [];
    const inFlight: Promise<unknown>[] = [];
    for (const [i, b] of batches.entries()) {
      const sending = send(first.url, b).then((ack) => acknowledged.push(...ack.accepted, ...ack.duplicate));
      if (i < BATCHES / 2) await sending;
      else inFlight.push(sending.catch(() => {})); // the second half races the kill
    }
    first.child.kill('SIGKILL');
    await Promise.all(inFlight);
    expect(await first.exited).toBeNull();
    expect(acknowledged.length).toBeGreaterThanOrEqual((BATCHES / 2) * PER_BATCH);

    const second = track(await startCollectorProcess(dir, databaseUrl));
    for (const b of batches) {
      const ack = await send(second.url, b);
      // Resending is how a client would recover; every id acknowledged before the crash must come back as a duplicate.
      for (const id of ack.accepted) expect(acknowledged).not.toContain(id);
      expect(ack.rejected).toEqual([]);
    }
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const storage = await openStorage(databaseUrl);
    try {
      expect(await storage.count({})).toBe(BATCHES * PER_BATCH);
    } finally {
      await storage.close();
    }
  });
});
