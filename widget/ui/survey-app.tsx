import type { ComponentChildren } from 'preact';
import { h } from 'preact';
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { Translator } from '../i18n/index.ts';
import { needsTypedInput, QuestionField } from './fields/question-field.tsx';
import { flowPath, isQuestionStep } from './flow-path.ts';
import { type LaterParts, loadLaterParts } from './load-later-parts.ts';
import type { SurveyUiProps } from './mount-survey.tsx';
import { BackButton } from './screens/back-button.tsx';
import { IntroScreen } from './screens/intro-screen.tsx';
import { initialFlowState, surveyFlow } from './survey-flow.ts';

/** mountSurvey's props, with the strings and a way to add the later chunk's stylesheet to the shadow root. */
type Props = SurveyUiProps & { tr: Translator; adoptStyles(css: string): void };

/** Drives the flow reducer and owns its effects: focus, sending, dismissing, Escape. */
export function SurveyApp({ survey, placement, onSubmit, onDismiss, tr: firstTr, adoptStyles }: Props) {
  const [state, send] = useReducer(surveyFlow, survey.questions, initialFlowState);
  const rootRef = useRef<HTMLDivElement>(null);
  const path = flowPath(state.questions, state.answers, state.consent, state.groups);
  const questionSteps = path.filter(isQuestionStep);

  useEffect(() => {
    if (state.screen !== 'sending') return;
    let live = true;
    // Sending starts from check-your-answers, so the later chunk is already loaded.
    loadLaterParts()
      .then((m) => m.sendAnswers(state, onSubmit))
      .then(
        (event) => live && send(event),
        () => {},
      );
    return () => {
      live = false;
    };
  }, [state.screen]);

  useEffect(() => {
    if (state.dismissed) onDismiss(state.dismissed);
  }, [state.dismissed]);

  // The screens after the first question and the typed inputs come in their own chunk, fetched once
  // the first screen shows; a failed fetch is tried again on the next screen change.
  const [later, setLater] = useState<LaterParts>();
  // The later parts' English strings arrive with them; nothing that shows one is drawn before.
  const [laterTr, setLaterTr] = useState<Translator>();
  const tr = laterTr ?? firstTr;
  const screenKey = `${state.screen === 'sending' ? 'check' : state.screen}:${state.step ?? ''}`;
  useEffect(() => {
    if (!later)
      loadLaterParts().then(
        (parts) => {
          // Styles first, so no later part is ever drawn unstyled.
          adoptStyles(parts.LATER_CSS);
          setLaterTr(firstTr.withEnglish(parts.enLater));
          setLater(parts);
        },
        () => {},
      );
  }, [screenKey]);

  const current = state.questions.find((q) => q.id === state.step);
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
  else if (current && (later || !needsTypedInput(current)))
    body = (
      <form
        class="os-screen"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // Already fetched while the first screen showed; a failed fetch is tried again on the next press.
          loadLaterParts().then(
            (m) => send({ type: 'next', check: m.checkAnswer }),
            () => {},
          );
        }}
      >
        <BackButton label={tr.t('back')} onClick={() => send({ type: 'back' })} />
        {state.error && later && <later.ErrorSummary error={state.error} tr={tr} />}
        <QuestionField q={current} answers={state.answers} error={state.error} tr={tr} send={send} inputs={later} />
        <button type="submit" class="os-button">
          {tr.t('continue')}
        </button>
      </form>
    );
  else if (later) body = <later.LaterScreen state={state} tr={tr} send={send} />;

  // Focus follows the screen once it is drawn: the error summary when there is one, else the new
  // heading. Not on first render: the widget appearing must not pull focus away from the page.
  const drawn = body ? screenKey : '';
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const root = rootRef.current;
    (root?.querySelector<HTMLElement>('.os-error-summary') ?? root?.querySelector<HTMLElement>('.os-heading'))?.focus();
  }, [drawn, state.error, state.submitFailed]);

  if (state.screen === 'closed') return null;
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
