import * as z from 'zod/mini';

/**
 * GET /v1/report: aggregates with disclosure control applied (collector/report/build-report.ts builds it,
 * the dashboard draws it). A count is null where suppressed, and `suppressed` says why.
 */
export const Suppression = z.enum(['below_k', 'dominant', 'complementary']);
export type Suppression = z.infer<typeof Suppression>;

export const ReportCell = z.strictObject({
  count: z.nullable(z.number()),
  suppressed: z.optional(Suppression),
  /** Of all responses in the cell, from published counts; absent on the responses table itself. */
  percent: z.optional(z.nullable(z.number())),
});
export type ReportCell = z.infer<typeof ReportCell>;

export const ReportTable = z.strictObject({
  cells: z.array(z.array(ReportCell)),
  rowTotals: z.array(ReportCell),
  colTotals: z.array(ReportCell),
  total: ReportCell,
});
export type ReportTable = z.infer<typeof ReportTable>;

export const YearOverYear = z.strictObject({
  row: z.string(),
  period: z.string(),
  previous: z.string(),
  underserved: z.nullable(z.number()),
  previousUnderserved: z.nullable(z.number()),
  /** Relative change of the (rounded, published) underserved count, in percent; the committee's target is +20. */
  changePercent: z.nullable(z.number()),
  share: z.nullable(z.number()),
  previousShare: z.nullable(z.number()),
  changePoints: z.nullable(z.number()),
});
export type YearOverYear = z.infer<typeof YearOverYear>;

export const DisclosureRules = z.strictObject({
  /** k: no count below this is shown. */
  minCell: z.number(),
  /** Shown counts are rounded to the nearest multiple of this. */
  roundTo: z.number(),
  /** No percentage on a base (denominator) below this. */
  minPercentBase: z.number(),
});
export type DisclosureRules = z.infer<typeof DisclosureRules>;

export const Report = z.strictObject({
  survey: z.string(),
  generatedAt: z.string(),
  by: z.array(z.enum(['country', 'year', 'month'])),
  rules: DisclosureRules,
  /** Row labels (countries, or "all") and column labels (periods, or "all"). */
  rows: z.array(z.string()),
  periods: z.array(z.string()),
  /** The measures, in order: responses, career_outcome, then the sensitive flags; `tables` has one per measure. */
  measures: z.array(z.string()),
  tables: z.record(z.string(), ReportTable),
  yearOverYear: z.array(YearOverYear),
  notes: z.array(z.string()),
});
export type Report = z.infer<typeof Report>;

/** GET /v1/report/delivery: exact counts of deliveries per UTC day (collector/report/delivery-report.ts). */
export const DeliveryReport = z.strictObject({
  /** Every UTC day from the first to the last with a received or rejected item; a quiet day is a 0, not a gap. */
  days: z.array(z.string()),
  /** Responses of the survey received per day (by the collector's clock). */
  received: z.array(z.number()),
  /** Of those, responses whose learnerRef was unsigned or wrongly signed (stored without it). */
  unverifiedLearnerRefs: z.array(z.number()),
  /** Items rejected per day, every survey and site key together. */
  rejected: z.array(z.number()),
  /** The same, per rejection reason; only reasons seen in the range. */
  rejectedByReason: z.record(z.string(), z.array(z.number())),
  notes: z.array(z.string()),
});
export type DeliveryReport = z.infer<typeof DeliveryReport>;
