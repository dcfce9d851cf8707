import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlushOptions } from '../../../worker/delivery/flush-options.ts';
import type { FlushReport } from '../../../worker/delivery/flush-report.ts';

const flush = vi.fn<(opts?: FlushOptions) => Promise<FlushReport>>();
vi.mock('../../../worker/delivery/flush.ts', () => ({ flush: (opts?: FlushOptions) => flush(opts) }));
const { startSync } = await import('../../../widget/delivery/start-sync.ts');

const empty: FlushReport = { sent: 0, duplicates: 0, rejected: 0, retried: 0, expired: 0 };
const settle = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  flush.mockReset();
  flush.mockResolvedValue(empty);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startSync without a service worker', () => {
  it('drains the queue from the page once at start and reports it', async () => {
    const onReport = vi.fn();
    const sync = startSync({ onReport });
    await settle();
    expect(flush).toHaveBeenCalledTimes(1);
    expect(onReport).toHaveBeenCalledWith(empty);
    sync.stop();
  });

  it('drains again when the browser comes back online, ignoring backoffs computed while offline', async () => {
    const sync = startSync({});
    await settle();
    window.dispatchEvent(new Event('online'));
    await settle();
    expect(flush).toHaveBeenLastCalledWith(expect.objectContaining({ ignoreBackoff: true }));
    sync.stop();
  });

  it('drains again when the page becomes visible', async () => {
    const sync = startSync({});
    await settle();
    document.dispatchEvent(new Event('visibilitychange'));
    await settle();
    expect(flush).toHaveBeenCalledTimes(2);
    sync.stop();
  });

  it('tries again when the report says the next item is due, and not before', async () => {
    flush.mockResolvedValueOnce({ ...empty, retried: 1, nextAttemptAt: 1_000_000 + 30_000 });
    const sync = startSync({});
    await settle();
    await vi.advanceTimersByTimeAsync(29_000);
    expect(flush).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(flush).toHaveBeenCalledTimes(2);
    sync.stop();
  });

  it('stops listening and retrying once stopped', async () => {
    flush.mockResolvedValueOnce({ ...empty, retried: 1, nextAttemptAt: 1_000_000 + 5_000 });
    const sync = startSync({});
    await settle();
    sync.stop();
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});
