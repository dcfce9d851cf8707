// Plain words for every code the collector's answers carry: a reader sees "Refugees", never `refugee`.
// A code missing here (a flag added later) still reads as words, not as the bare code: see measureLabel.

/** The report's measures (collector/report/count-responses.ts MEASURES) and the impact report's groups. */
export const MEASURE_LABELS = {
  responses: 'Responses',
  career_outcome: 'Career outcomes credited to the training',
  jobseeker: 'Jobseekers',
  jobseeker_ilo: 'Unemployed (International Labour Organization definition)',
  underserved_area: 'Living in an underserved area',
  low_education: 'Low prior education (lower secondary or below)',
  low_education_national: 'Below the national education threshold',
  disability: 'Disabled learners (Washington Group questions)',
  disability_national: 'Officially recognised disability',
  refugee: 'Refugees and people under protection',
  any_underserved: 'Any underserved group',
};

export const measureLabel = (code) => MEASURE_LABELS[code] ?? `Group “${code.replaceAll('_', ' ')}”`;

/** Why a count is withheld (protocol/report.ts Suppression), with the rule's own number. */
export function withheldReason(reason, rules) {
  const k = rules?.minCell;
  const fewer = k ? `fewer than ${k} people` : 'too few people';
  if (reason === 'below_k') return `${fewer} (withheld)`;
  if (reason === 'dominant') return `withheld: all but ${fewer} in the group share it`;
  if (reason === 'complementary') return 'withheld so that another withheld figure cannot be worked out';
  return 'withheld';
}

/** Why an item was rejected at delivery (collector/ingest/rejection-reason.ts). */
export const REJECTION_LABELS = {
  invalid_shape: 'not a valid response',
  unsafe_key: 'unsafe field name',
  unknown_survey: 'unknown survey',
  answer_invalid: 'an answer the survey does not allow',
  consent_missing: 'sensitive answers without consent',
  conflict: 'reused id with other content',
  submitted_at_out_of_range: 'date outside the accepted window',
  link_invalid: 'personal link failed its check',
  link_expired: 'personal link expired',
  link_spent: 'personal link already answered',
};
export const rejectionLabel = (code) => REJECTION_LABELS[code] ?? code.replaceAll('_', ' ');

/** A country code as the reader's language names it: "FR" is "France" (or "Frankreich"). */
export function countryName(code) {
  if (code === 'unknown' || code === null) return 'Country not given';
  try {
    return new Intl.DisplayNames([navigator.language || 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The impact report's target status (protocol/impact.ts TargetStatus). */
export const STATUS_LABELS = {
  met: 'Target met',
  not_met: 'Target not met',
  undetermined: 'Cannot tell yet',
};

/** A rate cell's small-base marker (protocol/impact.ts RateCell.suppressed.rate). */
export const smallBase = (rules) =>
  `not shown: based on fewer than ${rules?.minPercentBase ?? 'the minimum number of'} people`;
