import { agreedGroups, answersToSend } from './answers-to-send.ts';
import { later } from './later-flow.ts';
import type { SurveyUiProps } from './mount-survey.tsx';
import type { FlowEvent, FlowState } from './survey-flow.ts';

/**
 * Hands what is to be sent to onSubmit and says how it went, as the event that ends the sending
 * screen. Sending starts from check-your-answers, so it waits in the later chunk too.
 */
export function sendAnswers(state: FlowState, onSubmit: SurveyUiProps['onSubmit']): Promise<FlowEvent> {
  const { questions, answers, consent, groups } = state;
  return Promise.resolve()
    .then(() =>
      onSubmit({
        answers: answersToSend(questions, answers, consent, groups),
        consentSensitive: consent === true,
        consentGroups: agreedGroups(questions, answers, consent, groups),
      }),
    )
    .then(
      (outcome) => later({ type: 'submitted', outcome }),
      () => later({ type: 'submitFailed' }),
    );
}
