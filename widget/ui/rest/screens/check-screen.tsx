import { h } from 'preact';
import type { Translator } from '../../../i18n/index.ts';
import { flowPath, stepGroup } from '../../flow/flow-path.ts';
import type { FlowEvent, FlowState } from '../../flow/survey-flow.ts';
import { BackButton } from '../../screens/back-button.tsx';
import { formatAnswer } from '../format-answer.ts';
import { ErrorSummary } from './error-summary.tsx';

/** GOV.UK check-answers: every answer on the path, each with a Change link that returns here. */
export function CheckScreen({ state, tr, send }: { state: FlowState; tr: Translator; send(e: FlowEvent): void }) {
  const busy = state.screen === 'sending';
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
      <BackButton label={tr.t('back')} onClick={() => send({ type: 'back' })} />
      {state.submitFailed && <ErrorSummary message={tr.t('errSubmit')} tr={tr} />}
      <h2 class="os-heading" tabIndex={-1}>
        {tr.t('checkHeading')}
      </h2>
      <dl class="os-summary">{rows}</dl>
      <button type="button" class="os-button" aria-disabled={busy} onClick={() => busy || send({ type: 'submit' })}>
        {tr.t(busy ? 'sending' : 'send')}
      </button>
    </div>
  );
}
