import type { PromptState } from './prompt-state.ts';

export const DAY_MS = 86_400_000;

export type PromptDecision = { ask: true } | { ask: false; reason: 'do_not_ask' | 'answered' | 'snoozed' | 'capped' };

export type PromptQuestion = {
  surveyId: string;
  /** The wave being asked, or "once" for surveys without waves. */
  wave: string;
  now: number;
  capDays: number;
  state: PromptState;
  /** show() on demand skips the timing rules (cap, snooze), never the learner's "don't ask me again". */
  onDemand?: boolean;
};

/** Whether the learner may be prompted now: respect first, timing second. */
export function decidePrompt(q: PromptQuestion): PromptDecision {
  if (q.state.doNotAsk.includes(q.surveyId)) return { ask: false, reason: 'do_not_ask' };
  if (q.state.answered.includes(`${q.surveyId}:${q.wave}`)) return { ask: false, reason: 'answered' };
  if (q.onDemand) return { ask: true };
  const snoozedUntil = q.state.snoozedUntil[q.surveyId];
  if (snoozedUntil !== undefined && q.now < snoozedUntil) return { ask: false, reason: 'snoozed' };
  if (q.state.lastPromptAt !== undefined && q.now - q.state.lastPromptAt < q.capDays * DAY_MS)
    return { ask: false, reason: 'capped' };
  return { ask: true };
}
