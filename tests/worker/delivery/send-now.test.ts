import { describe, expect, it, vi } from 'vitest';
import { sendNow } from '../../../worker/delivery/send-now.ts';
import { acceptAll, fakeFetch, json, makeResponse, to } from '../fake-collector-fetch.ts';

describe('sendNow', () => {
  it('sends at once, says so on the console only once, and tells whether the collector acknowledged it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await sendNow(makeResponse(), to, fakeFetch(acceptAll).fetch)).toBe(true);
    expect(await sendNow(makeResponse(), to, fakeFetch(() => json(503, {})).fetch)).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toContain('the offline queue (IndexedDB) is unavailable');
    warn.mockRestore();
  });
});
