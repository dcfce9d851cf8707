import { ContactEvent, type FieldError, formatIssues } from '../../protocol/index.ts';
import type { StoredContactEvent } from '../storage/denominator-storage.ts';
import { contentHash } from './content-hash.ts';
import { findUnsafeKey } from './find-unsafe-key.ts';
import { learnerHash } from './learner-hash.ts';
import { learnerRefStatus } from './learner-signature.ts';
import type { RejectionReason } from './rejection-reason.ts';
import type { IngestContext } from './to-stored-response.ts';

export type PreparedEvent =
  | { ok: true; record: StoredContactEvent }
  | { ok: false; errors: FieldError[]; reason: RejectionReason };

/** One contact event of a batch: validated, its learnerRef judged like a response's, hashed, and fingerprinted. */
export function toStoredEvent(item: unknown, at: string, ctx: IngestContext): PreparedEvent {
  const unsafe = findUnsafeKey(item, at);
  if (unsafe) return { ok: false, errors: [unsafe], reason: 'unsafe_key' };
  const parsed = ContactEvent.safeParse(item);
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error.issues, [at]), reason: 'invalid_shape' };
  // The signature proves the ref and is then dropped: it is never stored, and neither is the ref.
  const { learnerRef, learnerSig, ...rest } = parsed.data;
  const record: StoredContactEvent = {
    ...rest,
    receivedAt: ctx.receivedAt,
    siteKey: ctx.siteKey,
    contentHash: contentHash(item),
  };
  if (learnerRef !== undefined) {
    // As for responses: an unverified ref is not even hashed, so it counts for no roster member.
    const status = learnerRefStatus(learnerRef, learnerSig, ctx.learnerSecret);
    record.learnerRefStatus = status;
    if (status !== 'unverified') record.learnerHash = learnerHash(learnerRef, ctx.learnerRefSecret);
  }
  return { ok: true, record };
}
