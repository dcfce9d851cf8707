/** A derived flag: true, false, or null for unknown ("prefer not to say" and unanswered are never false). */
export type Flag = { value: boolean | null; rule: string };

/**
 * A flag's rule in words, for the codebook, kept in the rule's own file so the two cannot drift apart. `reads`
 * names the questions (or grid rows) the rule reads; the codebook quotes their texts from the survey file.
 */
export type FlagDoc = { description: string; reads: readonly string[] };

export const FLAG_NAMES = [
  'career_outcome',
  'jobseeker',
  'jobseeker_ilo',
  'underserved_area',
  'low_education',
  'low_education_national',
  'disability',
  'disability_national',
  'refugee',
  'any_underserved',
] as const;
export type FlagName = (typeof FLAG_NAMES)[number];
export type Flags = Record<FlagName, Flag>;

/** Flags computed from special-category or sensitive answers: stored beside the sensitive answers. */
export const SENSITIVE_FLAGS: readonly FlagName[] = [
  'jobseeker',
  'jobseeker_ilo',
  'underserved_area',
  'low_education',
  'low_education_national',
  'disability',
  'disability_national',
  'refugee',
  'any_underserved',
];
