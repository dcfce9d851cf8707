import { h } from 'preact';
import { domId } from '../../fields/dom-id.ts';
import type { FieldProps } from '../../fields/field-set.tsx';
import { TextInput } from './text-input.tsx';

/** A number or free-text question: one input, labelled by the question as the screen's heading. */
export function TextField({ q, answers, tr, parts }: FieldProps) {
  const raw = answers[q.id];
  return (
    <div class={parts.invalid ? 'os-group os-group-error' : 'os-group'}>
      <h2 class="os-heading" tabIndex={-1}>
        <label for={domId(q.id)}>{parts.title}</label>
      </h2>
      {parts.extras}
      <TextInput
        q={q}
        value={raw === undefined ? '' : String(raw)}
        describedBy={parts.describedBy}
        invalid={parts.invalid}
        tr={tr}
        onChange={parts.set(q.id)}
      />
    </div>
  );
}
