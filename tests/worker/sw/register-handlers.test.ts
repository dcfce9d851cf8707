import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FlushReport } from '../../../worker/delivery/flush-report.ts';
import { eraseQueued } from '../../../worker/storage/erase-queued.ts';
import { enqueue, pendingResponses } from '../../../worker/storage/queue.ts';
import { registerOutcomeSurveyHandlers } from '../../../worker/sw/register-handlers.ts';
import { acceptAll, fakeFetch, json, makeResponse, to } from '../fake-collector-fetch.ts';

type Listener = (event: Event) => void;

/** Just enough of ServiceWorkerGlobalScope: listeners, and events whose waitUntil promises we keep. */
function fakeScope() {
  const listeners = new Map<string, Listener[]>();
  const scope = {
    addEventListener: (type: string, l: Listener) => listeners.set(type, [...(listeners.get(type) ?? []), l]),
  };
  const dispatch = (type: string, fields: object): Promise<unknown>[] => {
    const waits: Promise<unknown>[] = [];
    for (const l of listeners.get(type) ?? [])
      l({ ...fields, waitUntil: (p: Promise<unknown>) => waits.push(p) } as unknown as Event);
    return waits;
  };
  return { scope, dispatch };
}

beforeEach(async () => {
  await eraseQueued();
});

describe('registerOutcomeSurveyHandlers', () => {
  it('drains the queue on a flush message and answers on the message port with the report', async () => {
    const { scope, dispatch } = fakeScope();
    registerOutcomeSurveyHandlers(scope, { locks: null, fetch: fakeFetch(acceptAll).fetch });
    await enqueue(makeResponse(), to);
    const replies: FlushReport[] = [];
    const port = { postMessage: (r: FlushReport) => replies.push(r) };
    await Promise.all(dispatch('message', { data: { type: 'OUTCOME_SURVEY_FLUSH' }, ports: [port] }));
    expect(replies).toEqual([expect.objectContaining({ sent: 1, retried: 0 })]);
    expect(await pendingResponses()).toEqual([]);
  });

  it('ignores messages that are not for it', () => {
    const { scope, dispatch } = fakeScope();
    registerOutcomeSurveyHandlers(scope, { locks: null, fetch: fakeFetch(acceptAll).fetch });
    expect(dispatch('message', { data: { type: 'SKIP_WAITING' }, ports: [] })).toEqual([]);
    expect(dispatch('message', { data: null, ports: [] })).toEqual([]);
  });

  it('fails the sync event while responses could not be delivered, so the browser fires it again', async () => {
    const { scope, dispatch } = fakeScope();
    registerOutcomeSurveyHandlers(scope, { locks: null, fetch: fakeFetch(() => json(503, {})).fetch });
    await enqueue(makeResponse(), to);
    const [wait] = dispatch('sync', { tag: 'outcome-survey' });
    // Sent by this sync, or by the flush the worker's start began and now waiting for its next attempt.
    await expect(wait).rejects.toThrow(
      /^outcome-survey: (1 responses could not be delivered yet|responses wait for their next attempt)$/,
    );
    expect(await pendingResponses()).toHaveLength(1);
    expect(dispatch('sync', { tag: 'someone-else' })).toEqual([]);
  });

  it('completes the sync event once nothing is left to deliver', async () => {
    const { scope, dispatch } = fakeScope();
    // A lock of its own: an earlier test's flush still holding the shared lease would make this one skip.
    const locks = { request: (_name: string, _opts: unknown, work: (lock: object) => unknown) => work({}) };
    registerOutcomeSurveyHandlers(scope, { locks: locks as never, fetch: fakeFetch(acceptAll).fetch });
    await enqueue(makeResponse(), to);
    const [wait] = dispatch('sync', { tag: 'outcome-survey' });
    await expect(wait).resolves.toBeUndefined();
    expect(await pendingResponses()).toEqual([]);
  });

  it('drains the queue on activate', async () => {
    const { scope, dispatch } = fakeScope();
    const c = fakeFetch(acceptAll);
    registerOutcomeSurveyHandlers(scope, { locks: null, fetch: c.fetch });
    await new Promise((r) => setTimeout(r, 50)); // the start-up flush finds the queue empty
    await enqueue(makeResponse(), to);
    await Promise.all(dispatch('activate', {}));
    expect(await pendingResponses()).toEqual([]);
    expect(c.batches).toHaveLength(1);
  });
});
