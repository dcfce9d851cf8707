import type { ComponentChildren } from 'preact';
import { h } from 'preact';
import type { ResolvedQuestion } from '../../../protocol/index.ts';
import type { Translator } from '../../i18n/index.ts';
import type { FieldError } from '../flow/check-answer.ts';
import type { Answers } from '../flow/flow-path.ts';
import type { FlowEvent } from '../flow/survey-flow.ts';

/** What every question's field is made of, whichever kind draws its input. */
export type FieldParts = {
  title: ComponentChildren;
  extras: ComponentChildren;
  describedBy: string;
  invalid: boolean;
  set(key: string): (value: Answers[string] | undefined) => void;
};

/** The props of every kind's field component (field-kinds.ts). */
export type FieldProps = {
  q: ResolvedQuestion;
  answers: Answers;
  error?: FieldError;
  tr: Translator;
  parts: FieldParts;
  send(e: FlowEvent): void;
};

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
