// What the widget checks of a resolved survey before rendering it, written by hand so that zod
// stays off the path to the first question (CONTRIBUTING.md ADR 3). The collector checked the
// survey file against the full schema (resolved-survey.ts) when it started, so the widget checks the
// fields it relies on first; tests/protocol/resolved-survey-guard.test.ts holds this check equal to
// those fields of the schema, and never stricter than the whole schema, on generated input.

/** The fields checked, in the order a wrong one is named. */
export const GUARDED_SURVEY_FIELDS = ['id', 'version', 'consentVersion', 'questions'] as const;

/** The first field of a resolved survey that is missing or of the wrong type ("(root)" for a non-object), or null. */
export function wrongSurveyField(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '(root)';
  const survey = value as Record<string, unknown>;
  if (typeof survey.id !== 'string') return 'id';
  // As z.number(): JSON has no NaN or Infinity, but a number field must be a finite number.
  if (typeof survey.version !== 'number' || !Number.isFinite(survey.version)) return 'version';
  if (typeof survey.consentVersion !== 'string') return 'consentVersion';
  if (!Array.isArray(survey.questions)) return 'questions';
  return null;
}
