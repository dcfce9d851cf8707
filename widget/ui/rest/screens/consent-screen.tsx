import { h } from 'preact';
import type { Translator } from '../../../i18n/index.ts';
import type { FlowEvent } from '../../flow/survey-flow.ts';
import { BackButton } from '../../screens/back-button.tsx';

/**
 * The explainer before sensitive questions (GOV.UK equality-information pattern, GDPR Art. 9):
 * what, why, who sees it, how long, optional, how to withdraw.
 */
export function ConsentScreen({ tr, send }: { tr: Translator; send(e: FlowEvent): void }) {
  return (
    <div class="os-screen">
      <div class="os-scroll">
        <BackButton label={tr.t('back')} onClick={() => send({ type: 'back' })} />
        <h2 class="os-heading" tabIndex={-1}>
          {tr.t('consentHeading')}
        </h2>
        <p>{tr.t('consentWhat')}</p>
        <ul class="os-list">
          <li>{tr.t('consentWhy')}</li>
          <li>{tr.t('consentWho')}</li>
          <li>{tr.t('consentKeep')}</li>
          <li>{tr.t('consentOptional')}</li>
          <li>{tr.t('consentWithdraw')}</li>
        </ul>
      </div>
      <p class="os-strong">{tr.t('consentQuestion')}</p>
      <div class="os-actions">
        <button type="button" class="os-button" onClick={() => send({ type: 'consent', agree: true })}>
          {tr.t('consentYes')}
        </button>
        <button type="button" class="os-button os-secondary" onClick={() => send({ type: 'consent', agree: false })}>
          {tr.t('consentNo')}
        </button>
      </div>
    </div>
  );
}
