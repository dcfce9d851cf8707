import type { ComponentChildren } from 'preact';
import { Fragment, h } from 'preact';
import type { ResolvedQuestion } from '../../../protocol/index.ts';
import type { Translator } from '../../i18n/index.ts';
import type { FieldError } from '../check-answer.ts';
import type { Answers } from '../flow-path.ts';
import type { FlowEvent } from '../survey-flow.ts';
import { ChoiceList } from './choice-list.tsx';
import { domId } from './dom-id.ts';
import type { ErrorMessage } from './error-message.tsx';
import type { TypedField } from './typed-field.tsx';

/**
 * What comes in the later chunk (widget/ui/later-parts.ts): the typed questions (number, free text,
 * month-year, grid) and the error line, which only an answer check (also later) can call for.
 */
export type LaterFields = { TypedField: typeof TypedField; ErrorMessage: typeof ErrorMessage };

type Props = {
  q: ResolvedQuestion;
  answers: Answers;
  error?: FieldError;
  tr: Translator;
  send(e: FlowEvent): void;
  /** Undefined until the later chunk arrives; the app shows a typed question only once it has. */
  inputs?: LaterFields;
};

/** What a question's field is made of, whichever chunk draws its input. */
export type FieldParts = {
  title: ComponentChildren;
  extras: ComponentChildren;
  describedBy: string;
  invalid: boolean;
  set(key: string): (value: Answers[string] | undefined) => void;
};

export const needsTypedInput = (q: ResolvedQuestion) =>
  q.kind === 'number' || q.kind === 'free_text' || q.kind === 'month_year' || q.kind === 'grid';

const asList = (v: Answers[string] | undefined) => (Array.isArray(v) ? v : v === undefined ? [] : [String(v)]);

/** One question as one screen's form content: the question is the heading, inside the legend or label (GOV.UK question pages). */
export function QuestionField({ q, answers, error, tr, send, inputs }: Props) {
  const hintId = `${domId(q.id)}-hint`;
  const errorId = `${domId(q.id)}-error`;
  const ownError = error && (error.field === q.id || error.field === `${q.id}.year`) ? error : undefined;
  const hint = q.kind === 'multiple_choice' ? [q.hint, tr.t('selectAll')].filter(Boolean).join(' ') : q.hint;
  const parts: FieldParts = {
    title: (
      <>
        {q.text}
        {!q.required && <span class="os-optional"> {tr.t('optional')}</span>}
      </>
    ),
    extras: (
      <>
        {hint && (
          <p id={hintId} class="os-hint">
            {hint}
          </p>
        )}
        {q.link && (
          <p class="os-hint">
            <a href={q.link.href} target="_blank" rel="noopener noreferrer">
              {q.link.label}
            </a>
          </p>
        )}
        {ownError && inputs && <inputs.ErrorMessage id={errorId} error={ownError} tr={tr} />}
      </>
    ),
    describedBy: [hint ? hintId : '', ownError ? errorId : ''].join(' ').trim(),
    invalid: Boolean(ownError),
    set: (key) => (value) => send({ type: 'set', key, value }),
  };
  if (needsTypedInput(q))
    return inputs ? <inputs.TypedField q={q} answers={answers} error={error} tr={tr} parts={parts} /> : null;

  const multiple = q.kind === 'multiple_choice';
  return (
    <FieldSet parts={parts}>
      <ChoiceList
        name={q.id}
        type={multiple ? 'checkbox' : 'radio'}
        options={q.options ?? []}
        chosen={asList(answers[q.id])}
        tr={tr}
        onPick={(option, checked) =>
          multiple ? send({ type: 'toggle', question: q.id, option, checked }) : parts.set(q.id)(option)
        }
      />
    </FieldSet>
  );
}

/** A question whose answer is a group of inputs: the legend holds the question as the screen's heading. */
export function FieldSet({ parts, children }: { parts: FieldParts; children: ComponentChildren }) {
  return (
    <fieldset
      class={parts.invalid ? 'os-group os-group-error' : 'os-group'}
      aria-describedby={parts.describedBy || undefined}
    >
      <legend class="os-legend">
        <h2 class="os-heading" tabIndex={-1}>
          {parts.title}
        </h2>
      </legend>
      {parts.extras}
      {children}
    </fieldset>
  );
}
