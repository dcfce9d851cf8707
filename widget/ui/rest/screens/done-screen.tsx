import { h } from 'preact';
import type { Translator } from '../../../i18n/index.ts';
import type { FlowEvent } from '../../flow/survey-flow.ts';
import type { SubmitOutcome } from '../../survey-ui-props.ts';

export function DoneScreen({
  outcome,
  tr,
  send,
}: {
  outcome: SubmitOutcome;
  tr: Translator;
  send(e: FlowEvent): void;
}) {
  return (
    <div class="os-screen">
      <div class="os-scroll">
        <h2 class="os-heading" tabIndex={-1}>
          {tr.t('doneHeading')}
        </h2>
        <p>{tr.t(outcome)}</p>
      </div>
      <div class="os-actions">
        <button type="button" class="os-button" onClick={() => send({ type: 'dismiss', reason: 'closed' })}>
          {tr.t('close')}
        </button>
      </div>
    </div>
  );
}
