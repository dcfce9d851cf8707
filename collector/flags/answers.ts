import { PREFER_NOT_TO_SAY, type SurveyResponse } from '../../protocol/index.ts';
import type { Flag } from './flag.ts';

export type Answers = SurveyResponse['answers'];

/** The one option chosen in a single-choice question, or undefined when unanswered, refused or not a choice. */
export function choice(answers: Answers, id: string): string | undefined {
  const v = answers[id];
  return typeof v === 'string' && v !== PREFER_NOT_TO_SAY ? v : undefined;
}

/** The options chosen in a multiple-choice question; undefined when unanswered, empty or refused. */
export function choices(answers: Answers, id: string): string[] | undefined {
  const v = answers[id];
  if (!Array.isArray(v) || v.length === 0 || v.includes(PREFER_NOT_TO_SAY)) return undefined;
  return v;
}

/** The first of several country variants of a question that was answered at all. */
export function firstAnswered(answers: Answers, ids: readonly string[]): string | undefined {
  return ids.find((id) => answers[id] !== undefined);
}

export const flag = (value: boolean | null, rule: string): Flag => ({ value, rule });
