import type { ConsentGroup, ResolvedQuestion } from '../../../protocol/index.ts';
import { PREFER_NOT_TO_SAY } from '../../../protocol/option-ids.ts';
import type { DismissReason, SubmitOutcome } from '../survey-ui-props.ts';
import { answerKeys } from './answer-keys.ts';
import { checkAnswer, type FieldError } from './check-answer.ts';
import { type Answers, CONSENT, flowPath, type GroupConsents, groupStep } from './flow-path.ts';

export type Screen = 'intro' | 'step' | 'check' | 'sending' | 'done' | 'closed';

export type FlowState = {
  questions: readonly ResolvedQuestion[];
  screen: Screen;
  /** The question id or CONSENT, while screen is "step". */
  step?: string;
  answers: Answers;
  /** Undefined until the consent screen is answered. */
  consent?: boolean;
  /** Each consent group's own screen, once answered; declining the sensitive questions clears them. */
  groups?: GroupConsents;
  /** Reached from check-your-answers: Continue goes back there once nothing new is left to ask. */
  changing: boolean;
  seen: readonly string[];
  error?: FieldError;
  submitFailed?: boolean;
  outcome?: SubmitOutcome;
  dismissed?: DismissReason;
};

/** Everything a screen or an effect can tell the flow: plain data, so events can be logged and replayed. */
export type FlowEvent =
  | { type: 'start' }
  | { type: 'set'; key: string; value: Answers[string] | undefined }
  | { type: 'toggle'; question: string; option: string; checked: boolean }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'dismiss'; reason: DismissReason }
  | { type: 'consent'; agree: boolean }
  | { type: 'groupConsent'; group: ConsentGroup; agree: boolean }
  | { type: 'change'; step: string }
  | { type: 'submit' }
  | { type: 'submitted'; outcome: SubmitOutcome }
  | { type: 'submitFailed' };

export function initialFlowState(questions: readonly ResolvedQuestion[]): FlowState {
  return { questions, screen: 'intro', answers: {}, changing: false, seen: [] };
}

const isExclusive = (q: ResolvedQuestion | undefined, option: string) =>
  option === PREFER_NOT_TO_SAY || Boolean(q?.options?.find((o) => o.id === option)?.exclusive);

function without(answers: Answers, keys: readonly string[]): Answers {
  const rest = { ...answers };
  for (const k of keys) delete rest[k];
  return rest;
}

function goTo(state: FlowState, step: string | undefined): FlowState {
  const base = { ...state, error: undefined, submitFailed: undefined };
  if (step === undefined) return { ...base, screen: 'check', step: undefined, changing: false };
  const seen = state.seen.includes(step) ? state.seen : [...state.seen, step];
  return { ...base, screen: 'step', step, seen };
}

/** The steps of the flow as its answers and consents stand. */
export const pathOf = (state: FlowState) => flowPath(state.questions, state.answers, state.consent, state.groups);

/** The step after the current one; when changing an answer, only steps never seen (new branches) come before the check screen. */
function forward(state: FlowState): FlowState {
  const path = pathOf(state);
  const after = path.slice(path.indexOf(state.step ?? '') + 1);
  return goTo(state, state.changing ? after.find((s) => !state.seen.includes(s)) : after[0]);
}

function back(state: FlowState): FlowState {
  if (state.screen === 'check') {
    const path = pathOf(state);
    return goTo(state, path[path.length - 1]);
  }
  if (state.changing) return goTo(state, undefined);
  const path = pathOf(state);
  const at = path.indexOf(state.step ?? '');
  if (at <= 0) return { ...state, screen: 'intro', step: undefined, error: undefined };
  return goTo(state, path[at - 1]);
}

/** The whole survey flow as one pure function; effects (sending, dismissing, focus) live in the component. */
export function surveyFlow(state: FlowState, event: FlowEvent): FlowState {
  const current = state.questions.find((q) => q.id === state.step);
  switch (event.type) {
    case 'start':
      return state.screen === 'intro' ? goTo(state, pathOf(state)[0]) : state;
    case 'set': {
      const empty = event.value === undefined || (Array.isArray(event.value) && event.value.length === 0);
      const answers = empty
        ? without(state.answers, [event.key])
        : { ...state.answers, [event.key]: event.value as Answers[string] };
      return { ...state, answers };
    }
    case 'toggle': {
      const q = state.questions.find((x) => x.id === event.question);
      const before = state.answers[event.question];
      const chosen = Array.isArray(before) ? before.filter((o) => o !== event.option) : [];
      const value = !event.checked
        ? chosen
        : isExclusive(q, event.option)
          ? [event.option]
          : [...chosen.filter((o) => !isExclusive(q, o)), event.option];
      return surveyFlow(state, { type: 'set', key: event.question, value });
    }
    case 'next': {
      if (state.screen !== 'step' || !current) return state;
      const checked = checkAnswer(current, state.answers);
      if (!checked.ok) return { ...state, error: checked.error };
      return forward({ ...state, answers: checked.answers });
    }
    case 'back':
      return state.screen === 'step' || state.screen === 'check' ? back(state) : state;
    case 'dismiss':
      return state.screen === 'closed' ? state : { ...state, screen: 'closed', dismissed: event.reason };
    case 'consent': {
      if (state.step !== CONSENT) return state;
      const sensitiveKeys = state.questions.filter((q) => q.sensitive).flatMap(answerKeys);
      const answers = event.agree ? state.answers : without(state.answers, sensitiveKeys);
      return forward({ ...state, consent: event.agree, answers, groups: event.agree ? state.groups : undefined });
    }
    case 'groupConsent': {
      if (state.step !== groupStep(event.group)) return state;
      const groupKeys = state.questions.filter((q) => q.consentGroup === event.group).flatMap(answerKeys);
      const answers = event.agree ? state.answers : without(state.answers, groupKeys);
      return forward({ ...state, groups: { ...state.groups, [event.group]: event.agree }, answers });
    }
    case 'change':
      return state.screen === 'check' ? { ...goTo(state, event.step), changing: true } : state;
    case 'submit':
      return state.screen === 'check' ? { ...state, screen: 'sending', submitFailed: undefined } : state;
    case 'submitted':
      return state.screen === 'sending' ? { ...state, screen: 'done', outcome: event.outcome } : state;
    case 'submitFailed':
      return state.screen === 'sending' ? { ...state, screen: 'check', submitFailed: true } : state;
  }
}
