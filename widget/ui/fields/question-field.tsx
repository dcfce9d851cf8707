import { Fragment, h } from 'preact';
import type { ResolvedQuestion } from '../../../protocol/index.ts';
import type { Translator } from '../../i18n/index.ts';
import type { FieldError } from '../flow/check-answer.ts';
import type { Answers } from '../flow/flow-path.ts';
import type { FlowEvent } from '../flow/survey-flow.ts';
import type { Rest } from '../load-rest.ts';
import { domId } from './dom-id.ts';
import { FIELD_KINDS } from './field-kinds.ts';
import type { FieldParts } from './field-set.tsx';

type Props = {
  q: ResolvedQuestion;
  answers: Answers;
  error?: FieldError;
  tr: Translator;
  send(e: FlowEvent): void;
  /** Undefined until widget/ui/rest/ arrives: its fields show a placeholder until then. */
  rest?: Rest;
};

/** One question as one screen's form content: the question is the heading, inside the legend or label (GOV.UK question pages). */
export function QuestionField({ q, answers, error, tr, send, rest }: Props) {
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
        {ownError && rest && <rest.ErrorMessage id={errorId} error={ownError} tr={tr} />}
      </>
    ),
    describedBy: [hint ? hintId : '', ownError ? errorId : ''].join(' ').trim(),
    invalid: Boolean(ownError),
    set: (key) => (value) => send({ type: 'set', key, value }),
  };
  const kind = FIELD_KINDS[q.kind];
  const Field = typeof kind === 'string' ? rest?.REST_FIELDS[kind] : kind;
  if (!Field)
    return (
      <p class="os-hint" role="status">
        {tr.t('loading')}
      </p>
    );
  return <Field q={q} answers={answers} error={error} tr={tr} parts={parts} send={send} />;
}
