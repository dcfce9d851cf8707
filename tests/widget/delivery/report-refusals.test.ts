import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEvents } from '../../../widget/core/events.ts';
import type { EmbedOptions } from '../../../widget/core/options/option-table.ts';
import { reportRefusals } from '../../../widget/delivery/report-refusals.ts';
import type { SetupRefusal } from '../../../worker/delivery/flush-report.ts';

const refusal: SetupRefusal = {
  code: 'site-key-refused',
  status: 401,
  reason: 'unknown siteKey "my-site-kye"',
  endpoint: 'https://collector.example',
  siteKey: 'my-site-kye',
};
const options = { endpoint: refusal.endpoint, siteKey: refusal.siteKey, survey: 'career-outcomes' } as EmbedOptions;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reportRefusals', () => {
  it('fires an error event with the code on every refusal but logs the fix once per page', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const events = createEvents();
    const seen: Record<string, unknown>[] = [];
    events.on('error', (d) => seen.push(d));
    const script = document.createElement('script');
    const dom = vi.fn();
    script.addEventListener('outcome-survey:error', dom);
    const told = new Set<string>();

    await reportRefusals([refusal], [{ options, target: script }], events, told);
    await reportRefusals([refusal], [{ options, target: script }], events, told);

    expect(seen).toHaveLength(2);
    expect(seen[0]).toMatchObject({
      code: 'site-key-refused',
      status: 401,
      reason: refusal.reason,
      surveyId: 'career-outcomes',
    });
    expect(dom).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0][0]).toContain(
      "set data-site-key (siteKey) to a key listed in the collector's SITE_KEYS",
    );
  });

  it.each([
    ['site-key-refused', 'set data-site-key (siteKey)'],
    ['origin-refused', `add "${location.origin}" to the origins of "my-site-kye" in the collector's SITE_KEYS`],
  ] as const)('names the fix for %s', async (code, fix) => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    await reportRefusals([{ ...refusal, code }], [], createEvents(), new Set());
    expect(error.mock.calls[0][0]).toContain(fix);
    expect(error.mock.calls[0][0]).toContain(refusal.reason);
  });
});
