import { h } from 'preact';
import type { Translator } from '../../i18n/index.ts';
import { CONSENT, stepGroup } from '../flow-path.ts';
import type { FlowEvent, FlowState } from '../survey-flow.ts';
import { CheckScreen } from './check-screen.tsx';
import { ConsentScreen } from './consent-screen.tsx';
import { DoneScreen } from './done-screen.tsx';
import { GroupConsentScreen } from './group-consent-screen.tsx';

/**
 * The screens a learner reaches only after the first question: consent, check-your-answers and
 * the confirmation. They are a chunk of their own, fetched while the first screens are on show,
 * so they do not count against the bytes needed to show the first question (issue 5).
 */
export function LaterScreen({ state, tr, send }: { state: FlowState; tr: Translator; send(e: FlowEvent): void }) {
  if (state.screen === 'check' || state.screen === 'sending') return <CheckScreen state={state} tr={tr} send={send} />;
  if (state.screen === 'done') return <DoneScreen outcome={state.outcome ?? 'saved'} tr={tr} send={send} />;
  if (state.step === CONSENT) return <ConsentScreen tr={tr} send={send} />;
  const group = stepGroup(state.step);
  return group ? <GroupConsentScreen group={group} tr={tr} send={send} /> : null;
}
