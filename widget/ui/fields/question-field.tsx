import type { ComponentChildren } from 'preact';
import { Fragment, h } from 'preact';
import type { ResolvedQuestion } from '../../../protocol/index.ts';
import type { Translator } from '../../i18n/index.ts';
import type { FieldError } from '../check-answer.ts';
import type { Answers } from '../flow-path.ts';
import type { FlowEvent } from '../survey-flow.ts';
import { ChoiceList } from './choice-list.tsx';
import { domId } from './dom-id.ts';
import { ErrorMessage } from './error-message.tsx';
import type { GridField } from './grid-field.tsx';
import type { MonthYearInput } from './month-year-input.tsx';
import type { TextInput } from './text-input.tsx';

/** The inputs that come in the later chunk (widget/ui/later-parts.ts): choice questions need none of them. */
export type TypedInputs = {
  TextInput: typeof TextInput;
  MonthYearInput: typeof MonthYearInput;
  GridField: typeof GridField;
};

type Props = {
  q: ResolvedQuestion;
  answers: Answers;
  error?: FieldError;
  tr: Translator;
  send(e: FlowEvent): void;
  /** Undefined until the later chunk arrives; the app shows a typed question only once it has. */
  inputs?: TypedInputs;
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
  const describedBy = [hint ? hintId : '', ownError ? errorId : ''].join(' ').trim();
  const title = (
    <>
      {q.text}
      {!q.required && <span class="os-optional"> {tr.t('optional')}</span>}
    </>
  );
  const extras: ComponentChildren = (
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
      <ErrorMessage id={errorId} error={ownError} tr={tr} />
    </>
  );
  const set = (key: string) => (value: Answers[string] | undefined) => send({ type: 'set', key, value });
  const raw = answers[q.id];
  const text = raw === undefined ? '' : String(raw);

  if (q.kind === 'number' || q.kind === 'free_text')
    return (
      <div class={ownError ? 'os-group os-group-error' : 'os-group'}>
        <h2 class="os-heading" tabIndex={-1}>
          <label for={domId(q.id)}>{title}</label>
        </h2>
        {extras}
        {inputs && (
          <inputs.TextInput
            q={q}
            value={text}
            describedBy={describedBy}
            invalid={Boolean(ownError)}
            tr={tr}
            onChange={set(q.id)}
          />
        )}
      </div>
    );

  let control: ComponentChildren;
  if (q.kind === 'month_year')
    control = inputs && (
      <inputs.MonthYearInput id={q.id} value={text} invalid={Boolean(ownError)} tr={tr} onChange={set(q.id)} />
    );
  else if (q.kind === 'grid')
    control = inputs && (
      <inputs.GridField q={q} answers={answers} error={error} tr={tr} onPick={(row, o) => set(row)(o)} />
    );
  else if (q.kind === 'multiple_choice')
    control = (
      <ChoiceList
        name={q.id}
        type="checkbox"
        options={q.options ?? []}
        chosen={asList(raw)}
        tr={tr}
        onPick={(option, checked) => send({ type: 'toggle', question: q.id, option, checked })}
      />
    );
  else
    control = (
      <ChoiceList
        name={q.id}
        type="radio"
        options={q.options ?? []}
        chosen={asList(raw)}
        tr={tr}
        onPick={(o) => set(q.id)(o)}
      />
    );

  return (
    <fieldset class={ownError ? 'os-group os-group-error' : 'os-group'} aria-describedby={describedBy || undefined}>
      <legend class="os-legend">
        <h2 class="os-heading" tabIndex={-1}>
          {title}
        </h2>
      </legend>
      {extras}
      {control}
    </fieldset>
  );
}
