import { ContactEvent, type FieldError, formatIssues } from '../../protocol/index.ts';
import { judgedLink, linkedContext, linkedLearner } from '../links/judged-link.ts';
import type { StoredContactEvent } from '../storage/denominator-storage.ts';
import { contentHash } from './content-hash.ts';
import { findUnsafeKey } from './find-unsafe-key.ts';
import { judgedLearner } from './judged-learner.ts';
import type { RejectionReason } from './rejection-reason.ts';
import { submittedAtProblem } from './submitted-at-window.ts';
import type { IngestContext } from './to-stored-response.ts';
import { unknownSurveyProblem } from './unknown-survey-problem.ts';

export type PreparedEvent =
  /** optOut: a "Don't ask me again" through a verified link, to be kept like the e-mail's unsubscribe (decision 4). */
  | { ok: true; record: StoredContactEvent; optOut?: boolean }
  | { ok: false; errors: FieldError[]; reason: RejectionReason };

/** One contact event of a batch: validated, its learnerRef judged like a response's, hashed, and fingerprinted. */
export function toStoredEvent(item: unknown, at: string, ctx: IngestContext): PreparedEvent {
  const unsafe = findUnsafeKey(item, at);
  if (unsafe) return { ok: false, errors: [unsafe], reason: 'unsafe_key' };
  const parsed = ContactEvent.safeParse(item);
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error.issues, [at]), reason: 'invalid_shape' };
  // Judged like a response's: the same window (else a stray clock keeps an event past retention) and survey.
  const outOfWindow = submittedAtProblem(parsed.data.at, at, ctx, 'at');
  if (outOfWindow) return { ok: false, errors: [outOfWindow], reason: 'submitted_at_out_of_range' };
  const { surveyId, surveyVersion } = parsed.data;
  const linked = judgedLink(
    parsed.data.link,
    { surveyId, when: parsed.data.at, whenKey: 'at', trigger: parsed.data.context?.trigger },
    at,
    ctx,
  );
  if (linked && !linked.ok) return { ok: false, errors: [linked.error], reason: linked.reason };
  if (!ctx.surveys.get(surveyId, surveyVersion))
    return {
      ok: false,
      errors: [unknownSurveyProblem(surveyId, surveyVersion, at, ctx.surveys)],
      reason: 'unknown_survey',
    };
  // The signature proves the ref and is then dropped: it is never stored, and neither is the ref.
  const { learnerRef, learnerSig, link: _link, context, ...rest } = parsed.data;
  const record: StoredContactEvent = {
    ...rest,
    ...(linked ? { context: { ...context, ...linkedContext(linked.payload) } } : context ? { context } : {}),
    receivedAt: ctx.receivedAt,
    siteKey: ctx.siteKey,
    contentHash: contentHash(item),
    ...(linked ? linkedLearner(linked.payload) : judgedLearner(learnerRef, learnerSig, ctx)),
  };
  if (linked && record.kind === 'dismissed' && record.reason === 'never') return { ok: true, record, optOut: true };
  return { ok: true, record };
}
