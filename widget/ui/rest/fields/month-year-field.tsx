import { h } from 'preact';
import { type FieldProps, FieldSet } from '../../fields/field-set.tsx';
import { MonthYearInput } from './month-year-input.tsx';

/** A month-year question: the month and year inputs grouped under the question. */
export function MonthYearField({ q, answers, tr, parts }: FieldProps) {
  const raw = answers[q.id];
  return (
    <FieldSet parts={parts}>
      <MonthYearInput
        id={q.id}
        value={raw === undefined ? '' : String(raw)}
        invalid={parts.invalid}
        tr={tr}
        onChange={parts.set(q.id)}
      />
    </FieldSet>
  );
}
