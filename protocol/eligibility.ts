import * as z from 'zod/mini';
import { LearnerRef } from './learner-ref.ts';
import { LearnerSig } from './survey-response.ts';

/**
 * The body of POST /v1/eligibility and /v1/eligibility/opt-out. Strict: an extra key is a client bug
 * worth naming. learnerSig is required wherever the site key has a learnerSecret; without it (or wrong)
 * the collector reveals nothing about the learner and refuses the opt-out.
 */
export const EligibilityRequest = z.strictObject({
  siteKey: z.string().check(z.minLength(1), z.maxLength(128)),
  // The rule ingest and erasure hold refs to (protocol/learner-ref.ts), so an eligible ref can be stored and erased.
  learnerRef: LearnerRef,
  learnerSig: z.optional(LearnerSig),
  surveyId: z.string().check(z.minLength(1), z.maxLength(64)),
});
export type EligibilityRequest = z.infer<typeof EligibilityRequest>;

/**
 * The answer of POST /v1/eligibility: may this learner be asked, why not (e.g. "opted_out", or
 * "unverified" for a ref without its signature), and which waves they answered on any device.
 * Loose, so a later collector may add keys; answeredWaves is absent from collectors that predate waves.
 * The widget checks it with protocol/eligibility-guard.ts, held equal to this by a generated-input test.
 */
export const EligibilityAnswer = z.object({
  eligible: z.boolean(),
  reason: z.optional(z.string()),
  answeredWaves: z.optional(z.array(z.string())),
});
export type EligibilityAnswer = z.infer<typeof EligibilityAnswer>;
