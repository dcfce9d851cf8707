/** A derived flag: true, false, or null for unknown ("prefer not to say" and unanswered are never false). */
export type Flag = { value: boolean | null; rule: string };

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
