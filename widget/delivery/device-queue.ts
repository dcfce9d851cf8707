import { deadLetters } from '../../worker/storage/dead-letters.ts';
import { pendingResponses } from '../../worker/storage/queue.ts';
import type { DeadLetterCode } from '../../worker/storage/queued-item.ts';
import type { DeadLetterInfo } from '../core/public-types.ts';

// Letters stored before they carried a code are given one from their status (issue 14).
const byStatus = (status: number): DeadLetterCode =>
  status === 200
    ? 'rejected'
    : status === 401
      ? 'site-key-refused'
      : status === 403
        ? 'origin-refused'
        : 'batch-refused';

// What pending() and deadLetters() tell the host about this device's queue, in one chunk off the
// path to the first question.

/** Responses still on this device: queued, and set aside (issue 14: a set-aside one is not gone). */
export async function countOnDevice(): Promise<number> {
  // Contact events share the queue but are no response: pending() counts what the learner sent.
  return (await pendingResponses()).filter((i) => i.response).length + (await responseLetters()).length;
}

// A contact event set aside is no answer of the learner's: it expires and is withdrawn like the rest, unlisted.
const responseLetters = async () => (await deadLetters()).filter((d) => d.kind !== 'event');

/** What the host may see of the items set aside on this device: why, never the answers. */
export async function listDeadLetters(): Promise<DeadLetterInfo[]> {
  return (await responseLetters()).map((d) => ({
    id: d.id,
    surveyId: d.surveyId,
    code: d.code ?? byStatus(d.status),
    status: d.status,
    errors: Array.isArray(d.errors) ? d.errors : [],
    deadAt: d.deadAt,
  }));
}
