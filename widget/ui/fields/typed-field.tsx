import { h } from 'preact';
import type { ResolvedQuestion } from '../../../protocol/index.ts';
import type { Translator } from '../../i18n/index.ts';
import type { FieldError } from '../check-answer.ts';
import type { Answers } from '../flow-path.ts';
import { domId } from './dom-id.ts';
import { GridField } from './grid-field.tsx';
import { MonthYearInput } from './month-year-input.tsx';
import { type FieldParts, FieldSet } from './question-field.tsx';
import { TextInput } from './text-input.tsx';

type Props = { q: ResolvedQuestion; answers: Answers; error?: FieldError; tr: Translator; parts: FieldParts };

/**
 * A number, free-text, month-year or grid question. In the later chunk: the first screens of a
 * survey are choices, and these inputs are not needed before the first question (issue 5).
 */
export function TypedField({ q, answers, error, tr, parts }: Props) {
  const raw = answers[q.id];
  const text = raw === undefined ? '' : String(raw);
  if (q.kind === 'number' || q.kind === 'free_text')
    return (
      <div class={parts.invalid ? 'os-group os-group-error' : 'os-group'}>
        <h2 class="os-heading" tabIndex={-1}>
          <label for={domId(q.id)}>{parts.title}</label>
        </h2>
        {parts.extras}
        <TextInput
          q={q}
          value={text}
          describedBy={parts.describedBy}
          invalid={parts.invalid}
          tr={tr}
          onChange={parts.set(q.id)}
        />
      </div>
    );
  return (
    <FieldSet parts={parts}>
      {q.kind === 'month_year' ? (
        <MonthYearInput id={q.id} value={text} invalid={parts.invalid} tr={tr} onChange={parts.set(q.id)} />
      ) : (
        <GridField q={q} answers={answers} error={error} tr={tr} onPick={(row, o) => parts.set(row)(o)} />
      )}
    </FieldSet>
  );
}
