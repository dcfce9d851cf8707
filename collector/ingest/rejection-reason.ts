/**
 * Why an item of a batch was rejected, coarse enough to say nothing about its content:
 * the collector counts these per day and site key (rejections_daily) and keeps nothing else.
 */
export const REJECTION_REASONS = [
  'invalid_shape',
  'unsafe_key',
  'unknown_survey',
  'answer_invalid',
  'consent_missing',
  'conflict',
  'submitted_at_out_of_range',
  // Issue 17: an item's personal-link token failed its check, had expired before the answer, or was already spent.
  'link_invalid',
  'link_expired',
  'link_spent',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

/** Tallies reasons into the shape Storage.countRejections takes. */
export function tallyReasons(reasons: readonly RejectionReason[]): Partial<Record<RejectionReason, number>> {
  const counts: Partial<Record<RejectionReason, number>> = {};
  for (const r of reasons) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
}
