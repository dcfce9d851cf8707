import { type Answers, choice, firstAnswered, flag } from './answers.ts';
import type { Flag, FlagDoc } from './flag.ts';
import { DIPLOMA_LISTS, DIPLOMA_QUESTIONS, type DiplomaEntry, type DiplomaList } from './isced-map.ts';

export const LOW_EDUCATION_RULE = 'low_education.isced-0-2@1';
const NATIONAL_UNKNOWN_RULE = 'low_education_national.none@1';

export const LOW_EDUCATION_DOC: FlagDoc = {
  description:
    'True when the highest diploma or qualification maps to ISCED 2011 levels 0–2 (lower secondary or below); false when it maps higher; empty when unanswered or "prefer not to say".',
  reads: DIPLOMA_QUESTIONS,
};

export const LOW_EDUCATION_NATIONAL_DOC: FlagDoc = {
  description:
    "True when the highest diploma or qualification is below the national threshold of the country's diploma list (e.g. below the baccalauréat in France, below RQF level 2 in the United Kingdom); empty when the pack has none or the answer is unknown.",
  reads: DIPLOMA_QUESTIONS,
};

function diploma(answers: Answers): { list?: DiplomaList; entry?: DiplomaEntry } {
  const id = firstAnswered(answers, DIPLOMA_QUESTIONS);
  if (!id) return {};
  const list = DIPLOMA_LISTS[id];
  const option = choice(answers, id);
  return { list, entry: option === undefined ? undefined : list.options[option] };
}

/** Eurostat/Cedefop: at most lower secondary, ISCED 2011 levels 0–2. */
export function lowEducation(answers: Answers): Flag {
  const { entry } = diploma(answers);
  return flag(entry ? entry.isced <= 2 : null, LOW_EDUCATION_RULE);
}

/** The country's own rule, named after the diploma list that was asked (FR below Bac, GB below RQF 2, …). */
export function lowEducationNational(answers: Answers): Flag {
  const { list, entry } = diploma(answers);
  const rule = list ? `low_education_national.${list.rule}@1` : NATIONAL_UNKNOWN_RULE;
  return flag(entry ? entry.lowNational : null, rule);
}
