import { h } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Translator } from '../../../i18n/index.ts';
import { flowPath, stepGroup } from '../../flow/flow-path.ts';
import type { FlowEvent, FlowState } from '../../flow/survey-flow.ts';
import { BackButton } from '../../screens/back-button.tsx';
import type { SurveyUiProps } from '../../survey-ui-props.ts';
import { formatAnswer } from '../format-answer.ts';
import { sendAnswers } from '../send-answers.ts';
import { ErrorSummary } from './error-summary.tsx';

type Props = { state: FlowState; tr: Translator; send(e: FlowEvent): void; onSubmit: SurveyUiProps['onSubmit'] };

/**
 * GOV.UK check-answers: every answer on the path, each with a Change link that returns here. Sending is
 * this screen's busy state, so the effect that hands the answers to onSubmit lives here, not in the first
 * screen's code: the outcome comes back as the event that ends it, unless the screen has gone meanwhile.
 */
export function CheckScreen({ state, tr, send, onSubmit }: Props) {
  const busy = state.screen === 'sending';
  useEffect(() => {
    if (!busy) return;
    let live = true;
    sendAnswers(state, onSubmit).then((event) => live && send(event));
    return () => {
      live = false;
    };
  }, [busy]);
  const rows = flowPath(state.questions, state.answers, state.consent, state.groups).map((step) => {
    const q = state.questions.find((x) => x.id === step);
    const group = stepGroup(step);
    // A consent step's row: the general one, or a group's own ("Questions about your ethnic group: Yes").
    const agreed = group ? state.groups?.[group] : state.consent;
    const question = q ? q.text : tr.t(group ? `${group}Heading` : 'aboutYou');
    const answer = q
      ? formatAnswer(q, state.answers, tr)
      : agreed === undefined
        ? undefined
        : tr.t(agreed ? 'answering' : 'skipped');
    return (
      <div class="os-summary-row" key={step}>
        <dt>{question}</dt>
        <dd class={answer === undefined ? 'os-muted' : undefined}>{answer ?? tr.t('notAnswered')}</dd>
        <dd>
          <button type="button" class="os-link" onClick={() => send({ type: 'change', step })}>
            {tr.t('change')}
            <span class="os-vh"> {question}</span>
          </button>
        </dd>
      </div>
    );
  });
  return (
    <div class="os-screen">
      <div class="os-scroll">
        <BackButton label={tr.t('back')} onClick={() => send({ type: 'back' })} />
        {state.submitFailed && <ErrorSummary message={tr.t('errSubmit')} tr={tr} />}
        <h2 class="os-heading" tabIndex={-1}>
          {tr.t('checkHeading')}
        </h2>
        <dl class="os-summary">{rows}</dl>
      </div>
      <div class="os-actions">
        <button type="button" class="os-button" aria-disabled={busy} onClick={() => busy || send({ type: 'submit' })}>
          {tr.t(busy ? 'sending' : 'send')}
        </button>
      </div>
    </div>
  );
}
