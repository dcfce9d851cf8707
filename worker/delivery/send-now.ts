import type { SurveyResponse } from '../../protocol/index.ts';
import type { Destination } from '../storage/queued-item.ts';
import { classifyResult } from './classify-result.ts';
import { postBatch } from './post-batch.ts';

let warned = false;

/**
 * When the outbox is unavailable (private mode, quota): one direct attempt, said
 * once on the console. Resolves true when the collector acknowledged the response;
 * there is no queue to retry from, so the caller tells the learner if it fails.
 */
export async function sendNow(
  response: SurveyResponse,
  to: Destination,
  fetchFn: typeof fetch = fetch.bind(globalThis),
): Promise<boolean> {
  if (!warned) {
    warned = true;
    console.warn(
      'outcome-survey: the offline queue (IndexedDB) is unavailable here (private mode or no storage space); responses are sent immediately and are lost if that fails.',
    );
  }
  const outcome = await postBatch(to, [response], fetchFn, Date.now);
  const verdict = classifyResult([response.id], outcome);
  return verdict.accepted.length + verdict.duplicate.length === 1;
}
