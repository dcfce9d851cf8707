import type { ComponentChildren } from 'preact';
import { useEffect, useReducer, useRef } from 'preact/hooks';
import type { Translator } from '../i18n/index.ts';
import { QuestionField } from './fields/question-field.tsx';
import { agreedGroups, answersToSend, CONSENT, flowPath, isQuestionStep, stepGroup } from './flow-path.ts';
import type { SurveyUiProps } from './mount-survey.tsx';
import { BackButton } from './screens/back-button.tsx';
import { CheckScreen } from './screens/check-screen.tsx';
import { ConsentScreen } from './screens/consent-screen.tsx';
import { DoneScreen } from './screens/done-screen.tsx';
import { ErrorSummary } from './screens/error-summary.tsx';
import { GroupConsentScreen } from './screens/group-consent-screen.tsx';
import { IntroScreen } from './screens/intro-screen.tsx';
import { initialFlowState, surveyFlow } from './survey-flow.ts';

/** Drives the flow reducer and owns its effects: focus, sending, dismissing, Escape. */
export function SurveyApp({ survey, placement, onSubmit, onDismiss, tr }: SurveyUiProps & { tr: Translator }) {
  const [state, send] = useReducer(surveyFlow, survey.questions, initialFlowState);
  const rootRef = useRef<HTMLDivElement>(null);
  const path = flowPath(state.questions, state.answers, state.consent, state.groups);
  const questionSteps = path.filter(isQuestionStep);

  // Focus follows the screen: the error summary when there is one, else the new heading.
  // Not on first render: the widget appearing must not pull focus away from the page.
  const screenKey = `${state.screen === 'sending' ? 'check' : state.screen}:${state.step ?? ''}`;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const root = rootRef.current;
    (root?.querySelector<HTMLElement>('.os-error-summary') ?? root?.querySelector<HTMLElement>('.os-heading'))?.focus();
  }, [screenKey, state.error, state.submitFailed]);

  useEffect(() => {
    if (state.screen !== 'sending') return;
    let live = true;
    onSubmit({
      answers: answersToSend(state.questions, state.answers, state.consent, state.groups),
      consentSensitive: state.consent === true,
      consentGroups: agreedGroups(state.questions, state.answers, state.consent, state.groups),
    }).then(
      (outcome) => live && send({ type: 'submitted', outcome }),
      () => live && send({ type: 'submitFailed' }),
    );
    return () => {
      live = false;
    };
  }, [state.screen]);

  useEffect(() => {
    if (state.dismissed) onDismiss(state.dismissed);
  }, [state.dismissed]);

  if (state.screen === 'closed') return null;

  const current = state.questions.find((q) => q.id === state.step);
  const group = stepGroup(state.step);
  const at = questionSteps.indexOf(state.step ?? '');
  let body: ComponentChildren;
  if (state.screen === 'intro')
    body = (
      <IntroScreen
        survey={survey}
        questionCount={flowPath(state.questions, {}, true).filter(isQuestionStep).length}
        tr={tr}
        send={send}
      />
    );
  else if (state.screen === 'check' || state.screen === 'sending')
    body = <CheckScreen state={state} tr={tr} send={send} />;
  else if (state.screen === 'done') body = <DoneScreen outcome={state.outcome ?? 'saved'} tr={tr} send={send} />;
  else if (state.step === CONSENT) body = <ConsentScreen tr={tr} send={send} />;
  else if (group) body = <GroupConsentScreen group={group} tr={tr} send={send} />;
  else if (current)
    body = (
      <form
        class="os-screen"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'next' });
        }}
      >
        <BackButton label={tr.t('back')} onClick={() => send({ type: 'back' })} />
        {state.error && <ErrorSummary error={state.error} tr={tr} />}
        <QuestionField q={current} answers={state.answers} error={state.error} tr={tr} send={send} />
        <button type="submit" class="os-button">
          {tr.t('continue')}
        </button>
      </form>
    );

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useAriaPropsSupportedByRole: the role is "dialog" or "region" (both named); Escape closes from anywhere inside it.
    <div
      ref={rootRef}
      class={`os-root os-${placement}`}
      dir={tr.dir}
      lang={tr.lang}
      role={placement === 'dialog' ? 'dialog' : 'region'}
      aria-labelledby="os-title"
      onKeyDown={(e) => e.key === 'Escape' && send({ type: 'dismiss', reason: 'closed' })}
    >
      <div class="os-bar">
        <p id="os-title" class="os-title">
          {survey.title}
        </p>
        <button
          type="button"
          class="os-close"
          aria-label={tr.t('close')}
          onClick={() => send({ type: 'dismiss', reason: 'closed' })}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <p class="os-progress" aria-live="polite">
        {at >= 0 ? tr.t('progress', { n: at + 1, total: questionSteps.length }) : ''}
      </p>
      {body}
    </div>
  );
}
