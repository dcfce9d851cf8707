import { agreedGroups, answersToSend } from '../flow/answers-to-send.ts';
import type { FlowEvent, FlowState } from '../flow/survey-flow.ts';
import type { SurveyUiProps } from '../survey-ui-props.ts';

/**
 * Hands what is to be sent to onSubmit and says how it went, as the event that ends the sending
 * screen. Sending starts from check-your-answers (check-screen.tsx), which comes with widget/ui/rest/, so this does too.
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
      (outcome): FlowEvent => ({ type: 'submitted', outcome }),
      (): FlowEvent => ({ type: 'submitFailed' }),
    );
}
