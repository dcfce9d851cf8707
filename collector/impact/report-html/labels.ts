import type { Suppression } from '../../../protocol/index.ts';

// Plain words for the codes the figures carry (the dashboard's collector/dashboard/static/labels.js, typed here
// because that file is browser JavaScript): a reader sees "Refugees", never `refugee`.
const GROUP_LABELS: Record<string, string> = {
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

const NEUTRALISED_LABELS: Record<string, string> = {
  further_study: 'In further study',
  work_study: 'In a work-study contract',
  unable_to_work: 'Unable to work',
  abroad: 'Working abroad',
};

const WAVE_LABELS: Record<string, string> = { m6: '6 months after the course', m24: '24 months after the course' };

const words = (code: string) => code.replaceAll('_', ' ');

export const groupLabel = (code: string) => GROUP_LABELS[code] ?? `Group “${words(code)}”`;
export const neutralisedLabel = (code: string) => NEUTRALISED_LABELS[code] ?? words(code);
export const waveLabel = (code: string) => WAVE_LABELS[code] ?? `Wave “${words(code)}”`;
export const valueLabel = (code: string | null) => (code === null ? 'Not given' : words(code));
export const statusLabel = (s: 'met' | 'not_met' | 'undetermined') =>
  s === 'met' ? 'Met' : s === 'not_met' ? 'Not met' : 'Cannot be determined yet';

/** Why a figure is withheld, in words, with the rule's own number. */
export function withheldReason(reason: Suppression | 'small_base' | undefined, minCell: number, minBase: number) {
  if (reason === 'below_k') return `withheld: fewer than ${minCell} people`;
  if (reason === 'dominant') return `withheld: all but fewer than ${minCell} people in the group share it`;
  if (reason === 'complementary') return 'withheld so that another withheld figure cannot be worked out';
  if (reason === 'small_base') return `withheld: a rate needs at least ${minBase} people`;
  return 'withheld';
}
