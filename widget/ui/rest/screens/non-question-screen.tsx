import { h } from 'preact';
import type { Translator } from '../../../i18n/index.ts';
import { CONSENT, stepGroup } from '../../flow/flow-path.ts';
import type { FlowEvent, FlowState } from '../../flow/survey-flow.ts';
import type { SurveyUiProps } from '../../survey-ui-props.ts';
import { CheckScreen } from './check-screen.tsx';
import { ConsentScreen } from './consent-screen.tsx';
import { DoneScreen } from './done-screen.tsx';
import { GroupConsentScreen } from './group-consent-screen.tsx';

/** The steps that are not questions: consent, a consent group's own screen, check-your-answers and the confirmation. */
export function NonQuestionScreen({
  state,
  tr,
  send,
  onSubmit,
}: {
  state: FlowState;
  tr: Translator;
  send(e: FlowEvent): void;
  onSubmit: SurveyUiProps['onSubmit'];
}) {
  if (state.screen === 'check' || state.screen === 'sending')
    return <CheckScreen state={state} tr={tr} send={send} onSubmit={onSubmit} />;
  if (state.screen === 'done') return <DoneScreen outcome={state.outcome ?? 'saved'} tr={tr} send={send} />;
  if (state.step === CONSENT) return <ConsentScreen tr={tr} send={send} />;
  const group = stepGroup(state.step);
  return group ? <GroupConsentScreen group={group} tr={tr} send={send} /> : null;
}
