import type { ResolvedQuestion, SurveyResponse } from '../../protocol/index.ts';
import { isShown } from '../../protocol/is-shown.ts';

export type Answers = SurveyResponse['answers'];

/** The consent step's name; question ids start with a letter, so it cannot clash with one. */
export const CONSENT = '#consent';

/**
 * The steps the learner walks through, given the answers so far: shown questions in order,
 * with the consent step before the first sensitive one; declining consent drops every sensitive question.
 */
export function flowPath(
  questions: readonly ResolvedQuestion[],
  answers: Answers,
  consent: boolean | undefined,
): string[] {
  const steps: string[] = [];
  for (const q of questions) {
    if (!isShown(q, answers)) continue;
    if (q.sensitive && !steps.includes(CONSENT)) steps.push(CONSENT);
    if (q.sensitive && consent === false) continue;
    steps.push(q.id);
  }
  return steps;
}

/** The keys a question's answers are stored under: one per row for a grid, else its own id. */
export function answerKeys(q: ResolvedQuestion): string[] {
  return q.kind === 'grid' ? (q.rows ?? []).map((r) => r.id) : [q.id];
}

/** What is sent: answers to questions on the path only (branching and consent may have hidden some). */
export function answersToSend(
  questions: readonly ResolvedQuestion[],
  answers: Answers,
  consent: boolean | undefined,
): Answers {
  const onPath = new Set(flowPath(questions, answers, consent));
  const sent: Answers = {};
  for (const q of questions) {
    if (!onPath.has(q.id) || (q.sensitive && consent !== true)) continue;
    for (const key of answerKeys(q)) if (answers[key] !== undefined) sent[key] = answers[key];
  }
  return sent;
}
