import * as z from 'zod/mini';

/**
 * A cohort id names a roster in `PUT /v1/cohorts/:id` and in a contact event's context, so it keeps to what a URL
 * path segment and a file name carry unchanged. It may start with a digit: cohorts are often months ("2026-01").
 */
export const COHORT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export const COHORT_ID_RULE =
  'expected a cohort id of 1 to 64 characters from a–z 0–9 "_" "-", starting with a letter or digit, such as "2026-01-web"';

export const CohortId = z.string().check(z.regex(COHORT_ID_PATTERN, { error: COHORT_ID_RULE }));
