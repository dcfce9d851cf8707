import type { ComponentChildren } from 'preact';
import { h } from 'preact';
import { useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { Translator } from '../i18n/index.ts';
import { drawnByRest } from './fields/field-kinds.ts';
import { QuestionField } from './fields/question-field.tsx';
import { isQuestionStep } from './flow/flow-path.ts';
import { type FlowState, initialFlowState, pathOf, surveyFlow } from './flow/survey-flow.ts';
import { loadRest, type Rest } from './load-rest.ts';
import { BackButton } from './screens/back-button.tsx';
import { IntroScreen } from './screens/intro-screen.tsx';
import type { SurveyUiProps } from './survey-ui-props.ts';

/**
 * Every state the flow passes through, for the contact events and the partial response (widget/delivery/
 * record-steps.ts, loaded after the first screen): the UI only hands its state over and what counts as a step is
 * decided there, so the first question carries no recording code. Beside the flow, not in survey-ui-props.ts,
 * whose types the flow imports.
 */
export type StepProps = {
  onStep?(state: FlowState): void;
  /** Where a personal link's learner left off on this device (widget/delivery/link-draft.ts); absent: the intro. */
  initial?: FlowState;
};

/** mountSurvey's props, with the strings and a way to add widget/ui/rest/'s stylesheet to the shadow root. */
type Props = SurveyUiProps & StepProps & { tr: Translator; adoptStyles(css: string): void };

/**
 * Drives the flow reducer and owns its effects: focus, dismissing, Escape. Sending is check-your-answers'
 * own (widget/ui/rest/screens/check-screen.tsx): it is the only screen that starts it.
 */
export function SurveyApp({ survey, placement, onSubmit, onDismiss, onStep, initial, tr: baseTr, adoptStyles }: Props) {
  const [state, send] = useReducer(surveyFlow, initial ?? initialFlowState(survey.questions));
  useEffect(() => onStep?.(state), [state]);
  const rootRef = useRef<HTMLDivElement>(null);
  const path = pathOf(state);
  const questionSteps = path.filter(isQuestionStep);

  useEffect(() => {
    if (state.dismissed) onDismiss(state.dismissed);
  }, [state.dismissed]);

  // widget/ui/rest/ (the screens that are not questions, typed fields, answer errors) is fetched once
  // the first screen shows; a failed fetch is tried again on the next screen change.
  const [rest, setRest] = useState<Rest>();
  // Its English strings arrive with it; nothing that shows one is drawn before.
  const [restTr, setRestTr] = useState<Translator>();
  // One figure for the intro and every "of M": it only shrinks as the learner answers (widget/ui/flow/question-total.ts).
  // The search comes with the rest chunk, fetched as the first screen is drawn: until then no figure is shown.
  const total = rest?.questionTotal(state);
  const tr = restTr ?? baseTr;
  const screenKey = `${state.screen === 'sending' ? 'check' : state.screen}:${state.step ?? ''}`;
  useEffect(() => {
    if (!rest)
      loadRest().then(
        (parts) => {
          // Styles first, so none of its parts is ever drawn unstyled.
          adoptStyles(parts.REST_CSS);
          setRestTr(baseTr.withEnglish(parts.enRest));
          setRest(parts);
        },
        () => {},
      );
  }, [screenKey]);

  const current = state.questions.find((q) => q.id === state.step);
  const at = questionSteps.indexOf(state.step ?? '');
  // A screen is drawn once everything on it is here; until then focus waits (see below).
  const waiting = !rest && (current ? drawnByRest(current) : state.screen !== 'intro');
  let body: ComponentChildren;
  if (state.screen === 'intro') body = <IntroScreen survey={survey} questionCount={total} tr={tr} send={send} />;
  else if (current)
    body = (
      <form
        class="os-screen"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          // An answer's error is drawn by widget/ui/rest/ (error summary, error line, their strings):
          // it is already fetched while the first screen showed; a failed fetch is tried again on the next press.
          loadRest().then(
            () => send({ type: 'next' }),
            () => {},
          );
        }}
      >
        <div class="os-scroll">
          <BackButton label={tr.t('back')} onClick={() => send({ type: 'back' })} />
          {state.error && rest && <rest.ErrorSummary error={state.error} tr={tr} />}
          <QuestionField q={current} answers={state.answers} error={state.error} tr={tr} send={send} rest={rest} />
        </div>
        <div class="os-actions">
          <button type="submit" class="os-button">
            {tr.t('continue')}
          </button>
        </div>
      </form>
    );
  else if (rest) body = <rest.NonQuestionScreen state={state} tr={tr} send={send} onSubmit={onSubmit} />;
  else
    body = (
      <p class="os-hint" role="status">
        {tr.t('loading')}
      </p>
    );

  // Focus follows the screen once it is drawn: the error summary when there is one, else the new
  // heading. Not on first render: the widget appearing must not pull focus away from the page.
  const drawn = waiting ? '' : screenKey;
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
        {at >= 0 && total ? tr.t('progress', { n: at + 1, total }) : ''}
      </p>
      {body}
    </div>
  );
}
