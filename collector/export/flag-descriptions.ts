import type { FlagName } from '../flags/flag.ts';

/**
 * How each derived flag is computed, in plain language, for the codebook. The rule id that set a
 * given response's flag is in the `<flag>__rule` column; collector/flags/ holds the code.
 */
export const FLAG_DESCRIPTIONS: Partial<Record<FlagName, string>> = {
  career_outcome:
    'True when the learner reports a change since the training (new job, promotion or raise, new business or freelance, apprenticeship or internship, further studies) and credits the training with it; false when they report no change or say it did not help; empty when unknown.',
  jobseeker:
    'True when the learner says they are looking for work (ILO-style: without work, looking, available) or registered with the public employment service; empty when not asked, not answered or "prefer not to say".',
  jobseeker_ilo:
    'ILO definition (19th ICLS): true when the learner did no paid work last week, searched for work in the last 4 weeks and could start within 2 weeks; false when they worked or did not search; empty when unknown.',
  underserved_area:
    'True when the learner self-identifies as living in an officially designated underserved area of their country (e.g. QPV/FRR in France); empty when unknown.',
  low_education:
    'True when the highest education level maps to ISCED 0–2 (lower secondary or below); empty when unknown.',
  low_education_national:
    'True when the highest level is below the national threshold of the country pack (e.g. below niveau 4 in France); empty when the pack has none or the answer is unknown.',
  disability:
    'Washington Group Short Set: true when any domain is answered "a lot of difficulty" or "cannot do at all"; false when every domain is answered with less; empty otherwise.',
  disability_national:
    'True when the learner holds an official recognition of disability of the country pack: FR the BOETH list of Code du travail L5212-13 (question disability_recognition: RQTH, AAH, invalidity pension or work-accident pension, CMI "invalidité", another BOETH status); JP a 障害者手帳 (question disability_certificate: physical, intellectual or mental-health certificate; [verify wording] of the Japanese question). False when they answer "none"; empty for "prefer not to say", unanswered, or a pack without such a question. Beside disability, not part of any_underserved.',
  refugee:
    'True for refugee, subsidiary or temporary protection status (asylum seekers only when the deployment includes them); empty when not answered or "prefer not to say".',
  any_underserved:
    'True when any of jobseeker, underserved_area, low_education, disability or refugee is true; false only when all are false; empty otherwise. Unknown never counts as false.',
};

// A flag added to FLAG_NAMES before its description here still gets an honest line.
export function describeFlag(flag: FlagName): string {
  return (
    FLAG_DESCRIPTIONS[flag] ?? `See collector/flags/ for how ${flag} is computed; the rule id is in its __rule column.`
  );
}
