import { h } from 'preact';
import type { ResolvedQuestion } from '../../../protocol/index.ts';
import type { Translator } from '../../i18n/index.ts';
import type { FieldError } from '../check-answer.ts';
import type { Answers } from '../flow-path.ts';
import { ChoiceList } from './choice-list.tsx';
import { domId } from './dom-id.ts';
import { ErrorMessage } from './error-message.tsx';

type Props = {
  q: ResolvedQuestion;
  answers: Answers;
  error?: FieldError;
  tr: Translator;
  onPick(row: string, option: string): void;
};

/** A grid question's rows (the Washington Group set): one radio group per row, each with its own error. */
export function GridField({ q, answers, error, tr, onPick }: Props) {
  return (q.rows ?? []).map((row) => {
    const rowError = error?.field === row.id ? error : undefined;
    const chosen = answers[row.id];
    return (
      <fieldset
        key={row.id}
        class={rowError ? 'os-row os-group-error' : 'os-row'}
        aria-describedby={rowError ? `${domId(row.id)}-error` : undefined}
      >
        <legend class="os-row-legend">{row.text}</legend>
        <ErrorMessage id={`${domId(row.id)}-error`} error={rowError} tr={tr} />
        <ChoiceList
          name={row.id}
          type="radio"
          options={q.options ?? []}
          chosen={Array.isArray(chosen) ? chosen : chosen === undefined ? [] : [String(chosen)]}
          tr={tr}
          onPick={(o) => onPick(row.id, o)}
        />
      </fieldset>
    );
  });
}
