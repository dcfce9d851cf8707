import type { ConsentGroup, ResolvedQuestion } from '../../../protocol/index.ts';
import { answerKeys } from './answer-keys.ts';
import { type Answers, flowPath, type GroupConsents, groupStep } from './flow-path.ts';

/** The consent groups the learner agreed to whose screen is still on the path (so whose questions were asked). */
export function agreedGroups(
  questions: readonly ResolvedQuestion[],
  answers: Answers,
  consent: boolean | undefined,
  groups: GroupConsents = {},
): ConsentGroup[] {
  const path = flowPath(questions, answers, consent, groups);
  return (Object.keys(groups) as ConsentGroup[]).filter((g) => groups[g] === true && path.includes(groupStep(g)));
}

/** What is sent: answers to questions on the path only (branching and consent may have hidden some). */
export function answersToSend(
  questions: readonly ResolvedQuestion[],
  answers: Answers,
  consent: boolean | undefined,
  groups: GroupConsents = {},
): Answers {
  const onPath = new Set(flowPath(questions, answers, consent, groups));
  const sent: Answers = {};
  for (const q of questions) {
    if (!onPath.has(q.id) || (q.sensitive && consent !== true)) continue;
    if (q.consentGroup && groups[q.consentGroup] !== true) continue;
    for (const key of answerKeys(q)) if (answers[key] !== undefined) sent[key] = answers[key];
  }
  return sent;
}
