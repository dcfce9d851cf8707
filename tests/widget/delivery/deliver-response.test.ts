import { beforeEach, describe, expect, it } from 'vitest';
import { deliverResponse } from '../../../widget/delivery/deliver-response.ts';
import type { SyncLink } from '../../../widget/delivery/sync-link.ts';
import type { FlushReport, Settled } from '../../../worker/delivery/flush-report.ts';
import { eraseQueued } from '../../../worker/storage/erase-queued.ts';
import { pendingResponses } from '../../../worker/storage/queue.ts';
import { payloadOf } from '../../../worker/storage/queued-item.ts';
import { makeResponse, to } from '../../worker/fake-collector-fetch.ts';

const counts = { sent: 0, duplicates: 0, rejected: 0, retried: 0, expired: 0 };
const none: Settled = { delivered: [], duplicate: [], setAside: [], retrying: [] };

/** A sync link whose flush touches nothing on the device and answers with the report it is given. */
const answering = (report: (id: string) => FlushReport | undefined, id: string): SyncLink => ({
  flush: async () => report(id),
  stop() {},
});

beforeEach(async () => {
  await eraseQueued();
});

// What the learner is told follows from what the flush report says became of this response's id,
// not from a second look at the device's queue and dead letters.
describe('deliverResponse', () => {
  it.each([
    ['delivered', 'sent', (id: string) => ({ ...counts, settled: { ...none, delivered: [id] } })],
    ['acknowledged as a duplicate', 'sent', (id: string) => ({ ...counts, settled: { ...none, duplicate: [id] } })],
    [
      'set aside for its site key',
      'refused',
      (id: string) => ({ ...counts, settled: { ...none, setAside: [{ id, code: 'site-key-refused' as const }] } }),
    ],
    [
      'set aside for its origin',
      'refused',
      (id: string) => ({ ...counts, settled: { ...none, setAside: [{ id, code: 'origin-refused' as const }] } }),
    ],
    [
      'set aside on its own',
      'saved',
      (id: string) => ({ ...counts, settled: { ...none, setAside: [{ id, code: 'rejected' as const }] } }),
    ],
    ['kept for retry', 'saved', (id: string) => ({ ...counts, settled: { ...none, retrying: [id] } })],
    ['about other ids only', 'saved', () => ({ ...counts, settled: { ...none, delivered: ['someone-else'] } })],
    ['from a worker that names no ids', 'saved', () => ({ ...counts, sent: 1 })],
    ['not there in time', 'saved', () => undefined],
  ] as const)('says %s is %s', async (_, expected, report) => {
    const response = makeResponse();
    expect(await deliverResponse(response, to, answering(report, response.id))).toBe(expected);
  });

  it('queues the response on the device before it asks for a flush', async () => {
    const response = makeResponse();
    let queuedAtFlush: string[] = [];
    const sync: SyncLink = {
      async flush() {
        queuedAtFlush = (await pendingResponses()).map((i) => payloadOf(i).id);
        return undefined;
      },
      stop() {},
    };
    expect(await deliverResponse(response, to, sync)).toBe('saved');
    expect(queuedAtFlush).toEqual([response.id]);
  });
});
