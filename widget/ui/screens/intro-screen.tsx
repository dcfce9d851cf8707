import { h } from 'preact';
import type { ResolvedSurvey } from '../../../protocol/index.ts';
import type { Translator } from '../../i18n/index.ts';
import type { FlowEvent } from '../flow/survey-flow.ts';

type Props = {
  survey: ResolvedSurvey /** Undefined until the rest chunk brings the search (widget/ui/flow/question-total.ts). */;
  questionCount?: number;
  tr: Translator;
  send(e: FlowEvent): void;
};

// About 20 seconds a question, as peers estimate; never shown as less than a minute.
const SECONDS_PER_QUESTION = 20;

/** Who asks, why and how long, with a way to say no that is as easy as saying yes. */
export function IntroScreen({ survey, questionCount, tr, send }: Props) {
  const minutes = Math.max(1, Math.ceil(((questionCount ?? 0) * SECONDS_PER_QUESTION) / 60));
  return (
    <div class="os-screen">
      <div class="os-scroll">
        <h2 class="os-heading" tabIndex={-1}>
          {tr.t('introHeading')}
        </h2>
        {survey.intro && <p>{survey.intro}</p>}
        <p class="os-length">
          {questionCount
            ? tr.t('length', {
                minutes: tr.plural('minutes', minutes),
                questions: tr.plural('questions', questionCount),
              })
            : '\u00a0'}
        </p>
        <p>{tr.t('keptIfStopped')}</p>
      </div>
      <div class="os-actions">
        <button type="button" class="os-button" onClick={() => send({ type: 'start' })}>
          {tr.t('start')}
        </button>
        <button
          type="button"
          class="os-button os-secondary"
          onClick={() => send({ type: 'dismiss', reason: 'not_now' })}
        >
          {tr.t('notNow')}
        </button>
      </div>
      <button type="button" class="os-link" onClick={() => send({ type: 'dismiss', reason: 'never' })}>
        {tr.t('never')}
      </button>
    </div>
  );
}
