import type { ConsentGroup, ResolvedQuestion, SurveyResponse } from '../../protocol/index.ts';
import { isShown } from '../../protocol/is-shown.ts';

export type Answers = SurveyResponse['answers'];
/** The learner's answer to each consent group's own screen, once given. */
export type GroupConsents = Readonly<Partial<Record<ConsentGroup, boolean>>>;

/** The consent step's name; question ids start with a letter, so it cannot clash with one. */
export const CONSENT = '#consent';

/** The step of a consent group's own screen, e.g. "#consent:ethnicity". */
export const groupStep = (group: ConsentGroup) => `${CONSENT}:${group}`;

/** The consent group whose screen a step is, if it is one. */
export const stepGroup = (step: string | undefined): ConsentGroup | undefined =>
  step?.startsWith(`${CONSENT}:`) ? (step.slice(CONSENT.length + 1) as ConsentGroup) : undefined;

/** Questions are steps too; consent screens are the steps that start with "#". */
export const isQuestionStep = (step: string) => !step.startsWith('#');

/**
 * The steps the learner walks through, given the answers so far: shown questions in order,
 * with the consent step before the first sensitive one; declining consent drops every sensitive question.
 * A question of a consent group also waits for that group's own step, just before the group's
 * first question; declining it drops the group's questions only.
 */
export function flowPath(
  questions: readonly ResolvedQuestion[],
  answers: Answers,
  consent: boolean | undefined,
  groups: GroupConsents = {},
): string[] {
  const steps: string[] = [];
  for (const q of questions) {
    if (!isShown(q, answers)) continue;
    if (q.sensitive && !steps.includes(CONSENT)) steps.push(CONSENT);
    if (q.sensitive && consent === false) continue;
    const group = q.consentGroup;
    if (group && !steps.includes(groupStep(group))) steps.push(groupStep(group));
    if (group && groups[group] === false) continue;
    steps.push(q.id);
  }
  return steps;
}

/** The keys a question's answers are stored under: one per row for a grid, else its own id. */
export function answerKeys(q: ResolvedQuestion): string[] {
  return q.kind === 'grid' ? (q.rows ?? []).map((r) => r.id) : [q.id];
}

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
