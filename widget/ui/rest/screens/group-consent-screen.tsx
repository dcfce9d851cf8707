import { h } from 'preact';
import type { ConsentGroup } from '../../../../protocol/index.ts';
import type { Translator } from '../../../i18n/index.ts';
import type { FlowEvent } from '../../flow/survey-flow.ts';
import { BackButton } from '../../screens/back-button.tsx';

/**
 * A consent group's own explainer, just before its first question: GDPR Art. 9(2)(a) wants
 * explicit consent for a specified purpose, so ethnicity is not covered by the general
 * consent to sensitive questions (research/domain.md §7). Who sees, how long and how to
 * withdraw are the same as there, so those lines are shared.
 */
export function GroupConsentScreen({
  group,
  tr,
  send,
}: {
  group: ConsentGroup;
  tr: Translator;
  send(e: FlowEvent): void;
}) {
  const answer = (agree: boolean) => () => send({ type: 'groupConsent', group, agree });
  return (
    <div class="os-screen">
      <div class="os-scroll">
        <BackButton label={tr.t('back')} onClick={() => send({ type: 'back' })} />
        <h2 class="os-heading" tabIndex={-1}>
          {tr.t(`${group}Heading`)}
        </h2>
        <p>{tr.t(`${group}What`)}</p>
        <ul class="os-list">
          <li>{tr.t(`${group}Why`)}</li>
          <li>{tr.t('consentWho')}</li>
          <li>{tr.t('consentKeep')}</li>
          <li>{tr.t(`${group}Optional`)}</li>
          <li>{tr.t('consentWithdraw')}</li>
        </ul>
      </div>
      <p class="os-strong">{tr.t(`${group}Question`)}</p>
      <div class="os-actions">
        <button type="button" class="os-button" onClick={answer(true)}>
          {tr.t('consentYes')}
        </button>
        <button type="button" class="os-button os-secondary" onClick={answer(false)}>
          {tr.t('consentNo')}
        </button>
      </div>
    </div>
  );
}
