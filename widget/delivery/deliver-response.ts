import type { SurveyResponse } from '../../protocol/survey-response.ts';
import type { FlushReport } from '../../worker/delivery/flush-report.ts';
import type { Destination } from '../../worker/storage/queued-item.ts';
import type { SyncLink } from './sync-link.ts';

/** How long the learner's "Send" waits for the collector before we say "saved, will send later". */
export const SENT_WAIT_MS = 2000;

/**
 * Queues the response on the device first (the queue is the only copy until the
 * collector acknowledges it), then asks for a flush. 'sent' only when the flush report
 * says the collector acknowledged it in time; 'refused' when the collector refused the
 * set-up (site key, origin: kept, but it will not go until the site is fixed); otherwise 'saved'.
 */
export async function deliverResponse(
  response: SurveyResponse,
  to: Destination,
  sync: SyncLink | null,
): Promise<'sent' | 'saved' | 'refused'> {
  const [{ enqueue }, { OutboxUnavailableError }] = await Promise.all([
    import('../../worker/storage/queue.ts'),
    import('../../worker/storage/outbox-unavailable-error.ts'),
  ]);
  try {
    await enqueue(response, to);
  } catch (error) {
    if (!(error instanceof OutboxUnavailableError)) throw error;
    // sendNow says once on the console that there is no offline copy.
    const { sendNow } = await import('../../worker/delivery/send-now.ts');
    if (await sendNow(response, to)) return 'sent';
    throw new Error(
      `outcome-survey: response ${response.id} could not be sent and this browser cannot keep it offline`,
    );
  }
  if (!sync || !navigator.onLine) return 'saved';
  return fateIn(await sync.flush(SENT_WAIT_MS), response.id);
}

// The report may come from the service worker (a structured clone, so checked before use), and one
// from a worker older than the report's ids names none: then the response is still said to be saved.
function fateIn(report: FlushReport | undefined, id: string): 'sent' | 'saved' | 'refused' {
  const settled = report?.settled;
  const names = (list: unknown) => Array.isArray(list) && list.includes(id);
  if (names(settled?.delivered) || names(settled?.duplicate)) return 'sent';
  const setAside = Array.isArray(settled?.setAside) ? settled.setAside.find((s) => s?.id === id) : undefined;
  return setAside?.code === 'site-key-refused' || setAside?.code === 'origin-refused' ? 'refused' : 'saved';
}
