import type { ConsentGroup } from '../../protocol/index.ts';
import { answerKeys } from './answers-to-send.ts';
import { CONSENT, groupStep } from './flow-path.ts';
import { type FlowEvent, type FlowState, forward, goTo, without } from './survey-flow.ts';

/** What the screens after the questions send: they come in the later chunk, and so do their transitions. */
export type LaterEvent =
  | { type: 'consent'; agree: boolean }
  | { type: 'groupConsent'; group: ConsentGroup; agree: boolean }
  | { type: 'change'; step: string }
  | { type: 'submit' }
  | { type: 'submitted'; outcome: 'sent' | 'saved' | 'refused' }
  | { type: 'submitFailed' };

/** The consent, check-your-answers and sending steps of surveyFlow, reached through a `later` event. */
export function laterFlow(state: FlowState, event: LaterEvent): FlowState {
  switch (event.type) {
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

/** Wraps a later screen's event for surveyFlow, with the transitions that handle it. */
export const later = (event: LaterEvent): FlowEvent => ({ type: 'later', event, flow: laterFlow });
