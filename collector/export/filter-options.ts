import * as z from 'zod';

// What the export and the report options share: the filters, and how a refusal is worded.

/** A --from/--to value. */
export const isoDate = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'expected a date such as "2026-01-31" or a date-time with an offset such as "2026-01-31T12:00:00Z"',
});

/**
 * A from/to of an aggregate route: a whole calendar month. Day-level filters would let two reports a
 * day apart be subtracted to one learner's answers (issue 14, item 7); exports keep exact dates.
 */
export const isoMonth = z
  .string()
  .regex(
    /^\d{4}-(0[1-9]|1[0-2])$/,
    'expected a whole month YYYY-MM such as "2026-01": aggregates take whole months, so reports cannot be differenced down to single days (exports take exact dates)',
  );

export const countryCode = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "FR"');

/** A version filter: the survey file's `version`, a whole number from 1. */
export const surveyVersion = z.coerce
  .number({ error: 'expected a survey version, a whole number such as "2"' })
  .int('expected a survey version, a whole number such as "2"')
  .min(1, 'expected a survey version from 1 (the survey file\'s "version")');

/**
 * A course_id or path_id filter: matched exactly against the context.courseId / context.pathId the host
 * platform sent (the widget's courseId and pathId options), so it takes what they may hold (protocol's plainText).
 */
export const contextId = (name: 'course_id' | 'path_id', option: 'courseId' | 'pathId') =>
  z
    .string()
    .regex(
      /^[^\p{Cc}\p{Surrogate}]{1,128}$/u,
      `expected the ${name.replace('_id', '')} id as the host page passes it in the widget's ${option} option: 1 to 128 characters, no control characters`,
    );

/** Validates raw options (strings from a URL or argv); the error says where they came from and names each bad one. */
export function parseOptionsWith<S extends z.ZodType>(
  schema: S,
  raw: Record<string, unknown>,
  where: string,
  refuse: new (message: string) => Error,
): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`);
  throw new refuse(`${where}: ${lines.join('; ')}`);
}
