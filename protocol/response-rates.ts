import * as z from 'zod/mini';
import { Suppression } from './report.ts';

/**
 * GET /v1/response-rates (collector/denominators/response-rates.ts builds it, the dashboard draws it): a cohort's
 * AAPOR final dispositions and rates for one survey and wave, with the report's disclosure control applied.
 * A count or rate is null where withheld, and `suppressed` says which and why.
 */
export const RATE_DISPOSITION_CODES = ['1.1', '1.2', '2.11', '2.12', '2.20', '3.30', '3.90', '4.10'] as const;
export const PUBLISHED_RATE_NAMES = [
  'RR1',
  'RR2',
  'RR3',
  'RR4',
  'RR5',
  'RR6',
  'COOP1',
  'COOP2',
  'REF1',
  'CON1',
] as const;
export type PublishedRateName = (typeof PUBLISHED_RATE_NAMES)[number];

const count = z.nullable(z.number().check(z.minimum(0)));
const rate = z.nullable(z.number().check(z.minimum(0), z.maximum(1)));

const codeCounts = {
  '1.1': count,
  '1.2': count,
  '2.11': count,
  '2.12': count,
  '2.20': count,
  '3.30': count,
  '3.90': count,
  '4.10': count,
};

export const PublishedRates = z.strictObject(
  Object.fromEntries(PUBLISHED_RATE_NAMES.map((name) => [name, rate])) as Record<PublishedRateName, typeof rate>,
);
export type PublishedRates = z.infer<typeof PublishedRates>;

export const Funnel = z.strictObject({
  shown: count,
  started: count,
  completed: count,
  /** Members who answered at least `answered` questions, from their progress events and stored response. */
  progress: z.array(z.strictObject({ answered: z.number(), members: count })),
});
export type Funnel = z.infer<typeof Funnel>;

/** What was withheld, by key ("population", a disposition code, "shown", "answered:3", …), and why. */
const Withheld = z.optional(z.record(z.string(), Suppression));

export const RateGroup = z.strictObject({
  /** The member's value of the `by` column; null for members whose roster row leaves it empty. */
  value: z.nullable(z.string()),
  population: count,
  dispositions: z.strictObject(codeCounts),
  rates: PublishedRates,
  funnel: Funnel,
  suppressed: Withheld,
});
export type RateGroup = z.infer<typeof RateGroup>;

export const ResponseRates = z.strictObject({
  survey: z.string(),
  cohort: z.string(),
  wave: z.string(),
  population: count,
  /** The roster's dispositions, and responses from learners not on it counted apart (they enter no rate). */
  dispositions: z.strictObject({ ...codeCounts, outside_roster: count }),
  rates: PublishedRates,
  funnel: Funnel,
  groups: z.array(RateGroup),
  suppressed: Withheld,
});
export type ResponseRates = z.infer<typeof ResponseRates>;
