import type { ResolvedQuestion, ResolvedSurvey } from '../../protocol/resolved-survey.ts';
import type { SurveyResponse } from '../../protocol/survey-response.ts';
import { answerKeys } from '../ui/flow/answer-keys.ts';
import { answersToSend } from '../ui/flow/answers-to-send.ts';
import { flowPath, isQuestionStep } from '../ui/flow/flow-path.ts';
import type { FlowState } from '../ui/flow/survey-flow.ts';

type Answers = SurveyResponse['answers'];

/**
 * What a personal link's draft keeps of the flow: the answers the learner moved past, chosen as for a response sent
 * without consent, so no sensitive answer (nor one of a consent group) is ever written to it (PRIVACY.md); the
 * question on screen was never checked (flow/check-answer.ts) and stays out, as it does from a partial response.
 */
export function draftAnswers(state: FlowState): Answers {
  const kept = answersToSend(state.questions, state.answers, undefined);
  const onScreen = state.questions.find((q) => q.id === state.step);
  for (const key of onScreen ? answerKeys(onScreen) : []) delete kept[key];
  return kept;
}

/**
 * The flow as the learner left it: the kept answers (only those the survey still asks, without consent), on the
 * first step of the path left to do: an unanswered question, or the consent screen, which is asked again with its
 * sensitive questions. Everything answered: check-your-answers.
 */
export function resumedFlow(questions: readonly ResolvedQuestion[], saved: Answers): FlowState {
  const answers = answersToSend(questions, saved, undefined);
  const path = flowPath(questions, answers, undefined);
  const answered = (step: string) =>
    isQuestionStep(step) &&
    answerKeys(questions.find((q) => q.id === step) as ResolvedQuestion).some((k) => answers[k] !== undefined);
  const next = path.findIndex((step) => !answered(step));
  const base = { questions, answers, changing: false };
  return next < 0
    ? { ...base, screen: 'check', seen: path }
    : { ...base, screen: 'step', step: path[next], seen: path.slice(0, next + 1) };
}

/**
 * The draft of this survey and link on this device, as the attempt id to reuse and the flow to start from; nothing
 * when there is none (or IndexedDB is unavailable: the learner starts afresh).
 */
export async function resumeDraft(
  survey: ResolvedSurvey,
  link: string,
): Promise<{ id: string; initial: FlowState } | undefined> {
  try {
    const { readDraft } = await import('../../worker/storage/drafts.ts');
    const draft = await readDraft(survey.id, link);
    return draft && { id: draft.id, initial: resumedFlow(survey.questions, draft.answers) };
  } catch {
    return undefined;
  }
}
