import { h } from 'preact';
import { ChoiceList } from './choice-list.tsx';
import { type FieldProps, FieldSet } from './field-set.tsx';

const asList = (v: FieldProps['answers'][string] | undefined) =>
  Array.isArray(v) ? v : v === undefined ? [] : [String(v)];

/** A single-choice, scale or multiple-choice question: radios or checkboxes in a fieldset. */
export function ChoiceField({ q, answers, tr, parts, send }: FieldProps) {
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
