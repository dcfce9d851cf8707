import type { Question } from '../../protocol/index.ts';
import { ANY_UNDERSERVED_DOC } from '../flags/any-underserved.ts';
import { CAREER_OUTCOME_DOC } from '../flags/career-outcome.ts';
import { DISABILITY_DOC } from '../flags/disability.ts';
import { DISABILITY_NATIONAL_DOC } from '../flags/disability-national.ts';
import type { FlagDoc, FlagName } from '../flags/flag.ts';
import { JOBSEEKER_DOC, JOBSEEKER_ILO_DOC } from '../flags/jobseeker.ts';
import { LOW_EDUCATION_DOC, LOW_EDUCATION_NATIONAL_DOC } from '../flags/low-education.ts';
import { REFUGEE_DOC } from '../flags/refugee.ts';
import { UNDERSERVED_AREA_DOC } from '../flags/underserved-area.ts';

/** Each flag's rule in words, collected from the rule files (collector/flags/); a new flag fails type-checking here. */
export const FLAG_DOCS: Record<FlagName, FlagDoc> = {
  career_outcome: CAREER_OUTCOME_DOC,
  jobseeker: JOBSEEKER_DOC,
  jobseeker_ilo: JOBSEEKER_ILO_DOC,
  underserved_area: UNDERSERVED_AREA_DOC,
  low_education: LOW_EDUCATION_DOC,
  low_education_national: LOW_EDUCATION_NATIONAL_DOC,
  disability: DISABILITY_DOC,
  disability_national: DISABILITY_NATIONAL_DOC,
  refugee: REFUGEE_DOC,
  any_underserved: ANY_UNDERSERVED_DOC,
};

export const FLAG_DESCRIPTIONS = Object.fromEntries(
  Object.entries(FLAG_DOCS).map(([name, doc]) => [name, doc.description]),
) as Record<FlagName, string>;

/** The English text of a question, or of a grid row after its question's text; undefined when the survey has neither. */
export function questionText(questions: readonly Question[], id: string): string | undefined {
  for (const q of questions) {
    if (q.id === id) return q.text.en;
    const row = q.kind === 'grid' ? q.rows?.find((r) => r.id === id) : undefined;
    if (row) return `${q.text.en} ${row.text.en}`;
  }
  return undefined;
}

/**
 * The codebook's derivation of a flag: its rule in words, then the questions it reads as the survey words them
 * (only those this survey has), so the codebook quotes the survey file rather than a copy of it.
 */
export function describeFlag(flag: FlagName, questions: readonly Question[] = []): string {
  const { description, reads } = FLAG_DOCS[flag];
  const quoted = reads.flatMap((id) => {
    const text = questionText(questions, id);
    return text === undefined ? [] : [`${id} "${text}"`];
  });
  return quoted.length > 0 ? `${description} Reads ${quoted.join('; ')}.` : description;
}
