import * as z from 'zod/mini';
import { LocaleTag } from './localized-text.ts';

export const Answer = z.union([
  z.string().check(z.maxLength(2000)),
  z.array(z.string().check(z.maxLength(64))).check(z.maxLength(50)),
  z.number().check(z.refine(Number.isFinite, { error: 'expected a finite number' })),
]);
export type Answer = z.infer<typeof Answer>;

/** Bounded only: its value is judged by the collector's HMAC check, never by its shape. */
export const LearnerSig = z.string().check(z.minLength(1), z.maxLength(256));

export const SurveyResponse = z.strictObject({
  id: z.uuid({ error: 'expected a UUID made on the client' }),
  surveyId: z.string().check(z.minLength(1), z.maxLength(64)),
  surveyVersion: z.int().check(z.minimum(1)),
  submittedAt: z.iso.datetime({ error: 'expected an ISO 8601 UTC timestamp such as 2026-01-31T12:00:00Z' }),
  locale: LocaleTag,
  country: z.optional(
    z.string().check(z.regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166-1 alpha-2 country code such as "FR"' })),
  ),
  answers: z.record(z.string().check(z.maxLength(64)), Answer),
  consent: z.strictObject({
    sensitive: z.boolean(),
    version: z.string().check(z.minLength(1), z.maxLength(64)),
    /** Consent groups (survey-definition's `consentGroup`) the learner agreed to separately, e.g. ["ethnicity"]. */
    groups: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(16))),
  }),
  learnerRef: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  /**
   * The host's proof that it issued learnerRef: hex HMAC-SHA-256(learnerSecret, learnerRef). Any string is
   * accepted, so a wrong one costs the learner's answers nothing: the collector then keeps them without the ref.
   */
  learnerSig: z.optional(LearnerSig),
  context: z.optional(
    z.strictObject({
      courseId: z.optional(z.string().check(z.maxLength(128))),
      pathId: z.optional(z.string().check(z.maxLength(128))),
      trigger: z.optional(z.string().check(z.maxLength(64))),
      wave: z.optional(z.string().check(z.maxLength(32))),
    }),
  ),
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;
