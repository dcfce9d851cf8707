import { type Answers, choice, choices, flag } from './answers.ts';
import type { Flag, FlagDoc } from './flag.ts';

export type RecognitionList = { rule: string; held: ReadonlySet<string> };

/**
 * The country's own administrative recognition of disability, keyed by question id, with the
 * options that mean "holds one". Beside the WG-SS/GSS `disability` flag, never instead of it:
 * a recognition is a legal status, not a measure of difficulty (research/domain.md §2).
 */
export const RECOGNITION_LISTS: Record<string, RecognitionList> = {
  // Code du travail L5212-13 (BOETH). A work-accident "rente" implies a permanent incapacity of at
  // least 10 % (below that it is paid as a lump sum), and an invalidity pension a two-thirds loss of
  // earning capacity, so the labels need not state the thresholds.
  disability_recognition: {
    rule: 'fr-boeth',
    held: new Set(['rqth', 'aah', 'invalidity_pension', 'cmi_invalidity', 'other_boeth']),
  },
  // 障害者手帳: the three certificates (research/domain.md §2).
  disability_certificate: {
    rule: 'jp-techo',
    held: new Set(['physical', 'intellectual', 'mental_health']),
  },
};
export const RECOGNITION_QUESTIONS = Object.keys(RECOGNITION_LISTS);

export const DISABILITY_NATIONAL_DOC: FlagDoc = {
  description:
    'True when the learner holds an official recognition of disability of their country pack: in France one of the BOETH list of Code du travail L5212-13 (RQTH, AAH, invalidity pension or work-accident pension, CMI "invalidité", another BOETH status); in Japan a 障害者手帳 (physical, intellectual or mental-health certificate). False when they answer "none"; empty for "prefer not to say", unanswered, or a pack without such a question. Beside disability, not part of any_underserved.',
  reads: RECOGNITION_QUESTIONS,
};

const NONE = 'none';
const UNKNOWN_RULE = 'disability_national.none@1';

export const disabilityNationalRule = (list: RecognitionList) => `disability_national.${list.rule}@1`;

/** Multiple choice in the built-in survey; a single choice reusing the id reads the same. */
function chosen(answers: Answers, id: string): string[] | undefined {
  const one = choice(answers, id);
  return one === undefined ? choices(answers, id) : [one];
}

/**
 * True when the learner holds any recognition the pack lists; false only for an explicit "none";
 * unknown for "prefer not to say", unanswered, or a pack that asks no such question.
 * `asked` names the question even when it went unanswered, so the rule says which list applied.
 */
export function disabilityNational(answers: Answers, asked: (id: string) => boolean): Flag {
  const id = RECOGNITION_QUESTIONS.find((q) => asked(q) || answers[q] !== undefined);
  if (id === undefined) return flag(null, UNKNOWN_RULE);
  const list = RECOGNITION_LISTS[id];
  const rule = disabilityNationalRule(list);
  const options = chosen(answers, id);
  if (options === undefined) return flag(null, rule);
  // A recognition outweighs a "none" sent beside it: the widget clears one when the other is ticked,
  // but the collector does not enforce exclusivity, and career_outcome reads "any" the same way.
  if (options.some((o) => list.held.has(o))) return flag(true, rule);
  if (options.every((o) => o === NONE)) return flag(false, rule);
  return flag(null, rule);
}
