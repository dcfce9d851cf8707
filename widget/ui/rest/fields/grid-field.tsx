import { h } from 'preact';
import { ChoiceList } from '../../fields/choice-list.tsx';
import { domId } from '../../fields/dom-id.ts';
import { type FieldProps, FieldSet } from '../../fields/field-set.tsx';
import { ErrorMessage } from './error-message.tsx';

/** A grid question's rows (the Washington Group set): one radio group per row, each with its own error. */
export function GridField({ q, answers, error, tr, parts }: FieldProps) {
  return (
    <FieldSet parts={parts}>
      {(q.rows ?? []).map((row) => {
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
              onPick={(o) => parts.set(row.id)(o)}
            />
          </fieldset>
        );
      })}
    </FieldSet>
  );
}
