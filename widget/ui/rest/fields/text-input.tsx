import { Fragment, h } from 'preact';
import type { ResolvedQuestion } from '../../../../protocol/index.ts';
import type { Translator } from '../../../i18n/index.ts';
import { domId } from '../../fields/dom-id.ts';

type Props = {
  q: ResolvedQuestion;
  value: string;
  describedBy: string;
  invalid: boolean;
  tr: Translator;
  onChange(value: string | undefined): void;
};

/** Number (typed text until Continue, as GOV.UK advises against type=number) or free text with a visible character count. */
export function TextInput({ q, value, describedBy, invalid, tr, onChange }: Props) {
  const set = (v: string) => onChange(v === '' ? undefined : v);
  if (q.kind === 'number')
    return (
      <input
        id={domId(q.id)}
        class="os-input os-number"
        inputMode="decimal"
        autoComplete="off"
        aria-describedby={describedBy || undefined}
        aria-invalid={invalid}
        value={value}
        onInput={(e) => set(e.currentTarget.value)}
      />
    );
  const left = (q.maxLength ?? 0) - value.length;
  const countId = `${domId(q.id)}-count`;
  return (
    <>
      <textarea
        id={domId(q.id)}
        class="os-input os-textarea"
        rows={4}
        aria-describedby={[describedBy, q.maxLength ? countId : ''].join(' ').trim() || undefined}
        aria-invalid={invalid}
        value={value}
        onInput={(e) => set(e.currentTarget.value)}
      />
      {q.maxLength && (
        <p id={countId} class={left < 0 ? 'os-count os-count-over' : 'os-count'}>
          {left < 0 ? tr.plural('charsOver', -left) : tr.plural('charsLeft', left)}
        </p>
      )}
    </>
  );
}
