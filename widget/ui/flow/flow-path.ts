import type { ConsentGroup, ResolvedQuestion, SurveyResponse } from '../../../protocol/index.ts';
import { isShown } from '../../../protocol/is-shown.ts';

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
