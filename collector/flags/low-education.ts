import { type Answers, choice, firstAnswered, flag } from './answers.ts';
import type { Flag } from './flag.ts';
import { DIPLOMA_LISTS, DIPLOMA_QUESTIONS, type DiplomaEntry, type DiplomaList } from './isced-map.ts';

export const LOW_EDUCATION_RULE = 'low_education.isced-0-2@1';
const NATIONAL_UNKNOWN_RULE = 'low_education_national.none@1';

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
