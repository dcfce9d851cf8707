import { h } from 'preact';
import type { Translator } from '../../../i18n/index.ts';
import type { FieldError } from '../../flow/check-answer.ts';

/** A field's own error line, referenced by the field's aria-describedby. */
export function ErrorMessage({ id, error, tr }: { id: string; error?: FieldError; tr: Translator }) {
  return error ? (
    <p id={id} class="os-error-message">
      {tr.t(error.message, error.vars)}
    </p>
  ) : null;
}
