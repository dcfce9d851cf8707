import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyVerdict } from '../../../worker/delivery/apply-verdict.ts';
import { classifyResult } from '../../../worker/delivery/classify-result.ts';
import { deadLetters } from '../../../worker/storage/dead-letters.ts';
import { eraseQueued } from '../../../worker/storage/erase-queued.ts';
import { enqueue, pendingResponses } from '../../../worker/storage/queue.ts';
import type { QueuedItem } from '../../../worker/storage/queued-item.ts';
import { payloadOf } from '../../../worker/storage/queued-item.ts';
import { makeResponse, to } from '../fake-collector-fetch.ts';

const T0 = Date.parse('2026-03-01T10:00:00Z');

async function queued(n: number): Promise<QueuedItem[]> {
  for (let i = 0; i < n; i++) await enqueue(makeResponse({}, T0 + i), to, T0);
  return pendingResponses();
}

beforeEach(async () => {
  await eraseQueued();
});

describe('applyVerdict', () => {
  it('deletes what was acknowledged, sets aside what was refused, and resolves to each id it settled', async () => {
    const [a, b, c] = await queued(3);
    const [ida, idb, idc] = [a, b, c].map((i) => payloadOf(i).id);
    const errors = [{ path: 'answers.situation', message: 'expected one of employed, looking' }];
    const verdict = classifyResult([ida, idb, idc], {
      kind: 'http',
      status: 200,
      body: { accepted: [ida], duplicate: [idb], rejected: [{ id: idc, errors }] },
    });
    const settlement = await applyVerdict({ verdict, batch: [a, b, c], untried: [], status: 200, now: T0 });
    expect(settlement).toEqual({
      settled: { delivered: [ida], duplicate: [idb], setAside: [{ id: idc, code: 'rejected' }], retrying: [] },
    });
    expect(await pendingResponses()).toEqual([]);
    expect(await deadLetters()).toMatchObject([{ id: idc, code: 'rejected', errors }]);
  });

  it('reschedules a batch to retry and the rest of its destination with it', async () => {
    const [a, b] = await queued(2);
    const verdict = classifyResult([payloadOf(a).id], { kind: 'http', status: 503, body: undefined });
    const settlement = await applyVerdict({
      verdict,
      batch: [a],
      untried: [b],
      status: 503,
      now: T0,
      random: () => 0.5,
    });
    expect(settlement.settled.retrying).toEqual([payloadOf(a).id]);
    expect(await pendingResponses()).toMatchObject([
      { attempts: 1, nextAttemptAt: T0 + 1000, lastError: 'HTTP 503' },
      { attempts: 0, nextAttemptAt: T0 + 1000 },
    ]);
  });

  it.each([
    [401, 'site-key-refused'],
    [403, 'origin-refused'],
  ] as const)('names the destination of a set-up refused with HTTP %i', async (status, code) => {
    const [a] = await queued(1);
    const verdict = classifyResult([payloadOf(a).id], { kind: 'http', status, body: { error: 'no' } });
    const settlement = await applyVerdict({ verdict, batch: [a], untried: [], status, now: T0 });
    expect(settlement).toEqual({
      settled: { delivered: [], duplicate: [], setAside: [{ id: payloadOf(a).id, code }], retrying: [] },
      refused: { code, status, reason: 'no', ...to },
    });
  });
});
