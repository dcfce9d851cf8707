import type { SurveyResponse } from '../../protocol/survey-response.ts';
import type { Destination } from '../../worker/queued-item.ts';
import type { SyncLink } from './sync-link.ts';

/** How long the learner's "Send" waits for the collector before we say "saved, will send later". */
export const SENT_WAIT_MS = 2000;

/**
 * Queues the response on the device first (the queue is the only copy until the
 * collector acknowledges it), then asks for a flush. 'sent' only when it really
 * left the queue in time; 'refused' when the collector refused the set-up (site key,
 * origin: kept, but it will not go until the site is fixed); otherwise 'saved'.
 */
export async function deliverResponse(
  response: SurveyResponse,
  to: Destination,
  sync: SyncLink | null,
): Promise<'sent' | 'saved' | 'refused'> {
  const outbox = await import('../../worker/outbox.ts');
  try {
    await outbox.enqueue(response, to);
  } catch (error) {
    if (!(error instanceof outbox.OutboxUnavailableError)) throw error;
    // sendNow says once on the console that there is no offline copy.
    const { sendNow } = await import('../../worker/send-now.ts');
    if (await sendNow(response, to)) return 'sent';
    throw new Error(
      `outcome-survey: response ${response.id} could not be sent and this browser cannot keep it offline`,
    );
  }
  if (!sync || !navigator.onLine) return 'saved';
  await sync.flush(SENT_WAIT_MS);
  const queued = (await outbox.pendingResponses()).some((item) => item.response.id === response.id);
  const dead = (await outbox.deadLetters()).find((letter) => letter.id === response.id);
  if (dead?.code === 'site-key-refused' || dead?.code === 'origin-refused') return 'refused';
  return queued || dead ? 'saved' : 'sent';
}
