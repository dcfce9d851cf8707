import { describe, expect, it } from 'vitest';
import { DAY_MS, decidePrompt } from '../../../../widget/core/triggers/decide-prompt.ts';
import { emptyPromptState, type PromptState } from '../../../../widget/core/triggers/prompt-state.ts';

const now = Date.parse('2026-06-01T12:00:00Z');
const state = (change: Partial<PromptState>): PromptState => ({ ...emptyPromptState(), ...change });

describe('decidePrompt', () => {
  it.each([
    ['a first visit', state({}), false, { ask: true }],
    ['a prompt 29 days ago', state({ lastPromptAt: now - 29 * DAY_MS }), false, { ask: false, reason: 'capped' }],
    ['a prompt 30 days ago', state({ lastPromptAt: now - 30 * DAY_MS }), false, { ask: true }],
    ['a snooze still running', state({ snoozedUntil: { s: now + 1 } }), false, { ask: false, reason: 'snoozed' }],
    ['a snooze of another survey', state({ snoozedUntil: { other: now + DAY_MS } }), false, { ask: true }],
    ['a snooze that ended', state({ snoozedUntil: { s: now - 1 } }), false, { ask: true }],
    ["don't ask me again", state({ doNotAsk: ['s'] }), false, { ask: false, reason: 'do_not_ask' }],
    ['this wave answered', state({ answered: ['s:m6'] }), false, { ask: false, reason: 'answered' }],
    ['another wave answered', state({ answered: ['s:m0'] }), false, { ask: true }],
    ['on demand within the cap', state({ lastPromptAt: now - DAY_MS }), true, { ask: true }],
    ['on demand while snoozed', state({ snoozedUntil: { s: now + DAY_MS } }), true, { ask: true }],
    ["on demand after don't ask me again", state({ doNotAsk: ['s'] }), true, { ask: false, reason: 'do_not_ask' }],
    ['on demand for an answered wave', state({ answered: ['s:m6'] }), true, { ask: false, reason: 'answered' }],
  ])('after %s', (_case, s, onDemand, expected) => {
    expect(decidePrompt({ surveyId: 's', wave: 'm6', now, capDays: 30, state: s, onDemand })).toEqual(expected);
  });

  it('asks again at once when the cap is 0 days', () => {
    expect(decidePrompt({ surveyId: 's', wave: 'once', now, capDays: 0, state: state({ lastPromptAt: now }) })).toEqual(
      { ask: true },
    );
  });
});
