import { h } from 'preact';
import type { Translator } from '../../../i18n/index.ts';
import { domId } from '../../fields/dom-id.ts';
import type { FieldError } from '../../flow/check-answer.ts';
import { focusField } from './focus-field.ts';

/** GOV.UK error summary: takes focus (see survey-app) and links each message to its field. */
export function ErrorSummary({ error, message, tr }: { error?: FieldError; message?: string; tr: Translator }) {
  return (
    <div class="os-error-summary" tabIndex={-1}>
      <div role="alert">
        <h3 id="os-error-title" class="os-error-title">
          {tr.t('errorTitle')}
        </h3>
        {error ? (
          <ul class="os-error-list">
            <li>
              <a href={`#${domId(error.field)}`} onClick={(e) => focusField(e, error.field)}>
                {tr.t(error.message, error.vars)}
              </a>
            </li>
          </ul>
        ) : (
          <p>{message}</p>
        )}
      </div>
    </div>
  );
}
