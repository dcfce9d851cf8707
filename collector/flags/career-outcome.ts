import { type Answers, choice, choices, flag } from './answers.ts';
import type { Flag, FlagDoc } from './flag.ts';
import { Q } from './question-ids.ts';

export const CAREER_OUTCOME_RULE = 'career_outcome.oc@1';
export const NONE_OF_THESE = 'none';

export const CAREER_OUTCOME_DOC: FlagDoc = {
  description:
    'True when the learner reports any change since they started the course (any option of changes but "none") and says the course helped with it a little or a lot; false when they report no change or answer that it helped "not at all"; empty when either question is unanswered or refused.',
  reads: [Q.changes, Q.helped],
};

/** OpenClassrooms' definition: a change happened since the training, and the learner credits the training with it. */
export function careerOutcome(answers: Answers): Flag {
  const changes = choices(answers, Q.changes);
  if (!changes) return flag(null, CAREER_OUTCOME_RULE);
  if (changes.every((c) => c === NONE_OF_THESE)) return flag(false, CAREER_OUTCOME_RULE);
  const helped = choice(answers, Q.helped);
  if (helped === undefined) return flag(null, CAREER_OUTCOME_RULE);
  return flag(helped !== 'not_at_all', CAREER_OUTCOME_RULE);
}
