import { type Answers, choice, firstAnswered, flag } from './answers.ts';
import type { Flag, FlagDoc } from './flag.ts';
import { Q } from './question-ids.ts';

export const UNDERSERVED_AREA_RULE = 'underserved_area.self-id@1';

export const UNDERSERVED_AREA_DOC: FlagDoc = {
  description:
    'True when the learner says they live in an area their government lists as disadvantaged or as a priority (the country pack names it, e.g. QPV or FRR in France); false when they say no; empty for "I don\'t know", "prefer not to say" or unanswered. No address is asked.',
  reads: Q.area,
};

/** Self-identification only (no address is ever asked): "I don't know" stays unknown. */
export function underservedArea(answers: Answers): Flag {
  const id = firstAnswered(answers, Q.area);
  const answer = id ? choice(answers, id) : undefined;
  if (answer === 'yes') return flag(true, UNDERSERVED_AREA_RULE);
  if (answer === 'no') return flag(false, UNDERSERVED_AREA_RULE);
  return flag(null, UNDERSERVED_AREA_RULE);
}
