import type { Condition } from './survey-definition.ts';
import type { SurveyResponse } from './survey-response.ts';

type Answers = SurveyResponse['answers'];

function holds(c: Condition, answers: Answers): boolean {
  const value = answers[c.question];
  const chosen = value === undefined ? [] : Array.isArray(value) ? value : [String(value)];
  if (c.answered !== undefined && c.answered !== (value !== undefined)) return false;
  if (c.in && !chosen.some((v) => c.in?.includes(v))) return false;
  if (c.notIn && chosen.some((v) => c.notIn?.includes(v))) return false;
  return true;
}

/** Branching, as one pure function: a question shows when every condition holds on the answers so far. */
export function isShown(q: { showIf?: Condition[] }, answers: Answers): boolean {
  return (q.showIf ?? []).every((c) => holds(c, answers));
}
