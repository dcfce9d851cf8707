import type { FlagName } from '../flags/flag.ts';

/** The five underserved groups of the mission report and their union, in the order every table shows them. */
export const IMPACT_GROUPS = [
  'jobseeker',
  'underserved_area',
  'low_education',
  'disability',
  'refugee',
  'any_underserved',
] as const satisfies readonly FlagName[];
export type ImpactGroup = (typeof IMPACT_GROUPS)[number];

/** France Compétences' in-work situations (apprenticeship is neutralised as work-study, not counted in work). */
export const IN_WORK = ['employed', 'employed_fixed_term', 'self_employed', 'internship'];
/** NACE's positive outcomes: in work of any kind, or in further study. */
export const NACE_POSITIVE = [
  'employed',
  'employed_fixed_term',
  'self_employed',
  'apprenticeship',
  'internship',
  'studying',
];
/** The situation of someone neither working nor looking: NACE leaves them out of the career-outcomes base. */
export const NOT_SEEKING = 'not_working';
