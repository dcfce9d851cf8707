import type { SetupRefusal } from '../../worker/delivery/flush-report.ts';
import type { Events } from '../core/events.ts';
import type { EmbedOptions } from '../core/options/option-table.ts';

export type RefusalTarget = { options: EmbedOptions; target: EventTarget | null };

/**
 * The collector refused the set-up (issue 14, item 12): an `error` event with its code and reason for
 * each refusal, and one console error per page naming what to fix. Loaded only when it happens.
 */
export async function reportRefusals(
  refusals: SetupRefusal[],
  configured: RefusalTarget[],
  events: Events,
  told: Set<string>,
): Promise<void> {
  const { refusalMessage } = await import('../core/misuse.ts');
  for (const refusal of refusals) {
    const { code, status, reason, endpoint, siteKey } = refusal;
    const message = refusalMessage(refusal, globalThis.location?.origin ?? '(unknown origin)');
    const seen = `${code} ${endpoint} ${siteKey}`;
    // The queue is sent again on every load, visit and retry: one line per page is enough to be read.
    if (!told.has(seen)) {
      told.add(seen);
      console.error(message);
    }
    const entry = configured.find((e) => e.options.endpoint === endpoint && e.options.siteKey === siteKey);
    events.emit(
      'error',
      { code, status, reason, endpoint, siteKey, surveyId: entry?.options.survey, message },
      entry?.target,
    );
  }
}
