import * as z from 'zod/mini';

/**
 * Whether a SurveyResponse holds the whole questionnaire or the answers a learner gave before leaving (AAPOR 1.2,
 * "partial"). Absent means "complete", so every response sent before this field existed keeps its meaning.
 * The revision rule (a completion replaces the partial of the same attempt) is in docs/denominators.md.
 */
export const RESPONSE_STATUSES = ['partial', 'complete'] as const;

export const ResponseStatus = z.enum(RESPONSE_STATUSES, {
  error: 'expected "partial" (the learner left before the end) or "complete"',
});
export type ResponseStatus = z.infer<typeof ResponseStatus>;
