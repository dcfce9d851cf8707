import * as z from 'zod/mini';
import { CohortId } from './cohort-id.ts';
import { LearnerRef } from './learner-ref.ts';
import { LinkTokenText } from './link-token-text.ts';
import { LocaleTag } from './localized-text.ts';
import { ResponseStatus } from './response-status.ts';
import { freeText, plainText } from './string-rules.ts';

export const Answer = z.union([
  // Free text or an option id: checkResponse holds option ids to the survey's, so only text's rule applies here.
  freeText(2000),
  z.array(plainText(0, 64)).check(z.maxLength(50)),
  z.number().check(z.refine(Number.isFinite, { error: 'expected a finite number' })),
]);
export type Answer = z.infer<typeof Answer>;

/** Bounded only: its value is judged by the collector's HMAC check, never by its shape. */
export const LearnerSig = z.string().check(z.minLength(1), z.maxLength(256));

export const SurveyResponse = z.strictObject({
  id: z.uuid({ error: 'expected a UUID made on the client' }),
  surveyId: plainText(1, 64),
  surveyVersion: z.int().check(z.minimum(1)),
  submittedAt: z.iso.datetime({ error: 'expected an ISO 8601 UTC timestamp such as 2026-01-31T12:00:00Z' }),
  locale: LocaleTag,
  country: z.optional(
    z.string().check(z.regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166-1 alpha-2 country code such as "FR"' })),
  ),
  answers: z.record(plainText(0, 64), Answer),
  consent: z.strictObject({
    sensitive: z.boolean(),
    version: plainText(1, 64),
    /** Consent groups (survey-definition's `consentGroup`) the learner agreed to separately, e.g. ["ethnicity"]. */
    groups: z.optional(z.array(plainText(1, 64)).check(z.maxLength(16))),
  }),
  learnerRef: z.optional(LearnerRef),
  /** Absent: complete. "partial": the learner left before the end (AAPOR 1.2); docs/denominators.md gives the revision rule. */
  status: z.optional(ResponseStatus),
  /**
   * The host's proof that it issued learnerRef: hex HMAC-SHA-256(learnerSecret, learnerRef). Any string is
   * accepted, so a wrong one costs the learner's answers nothing: the collector then keeps them without the ref.
   */
  learnerSig: z.optional(LearnerSig),
  /**
   * The personal link the answers came through (`GET /s/:token`): the collector takes the learner, cohort and wave
   * from the verified token instead of learnerRef, and a completed response spends the link.
   */
  link: z.optional(LinkTokenText),
  context: z.optional(
    z.strictObject({
      courseId: z.optional(plainText(0, 128)),
      pathId: z.optional(plainText(0, 128)),
      trigger: z.optional(plainText(0, 64)),
      wave: z.optional(plainText(0, 32)),
      /** The roster cohort a personal link was made for (issue 17); in-course prompts leave it out. */
      cohort: z.optional(CohortId),
    }),
  ),
});
export type SurveyResponse = z.infer<typeof SurveyResponse>;
