import { afterEach, describe, expect, it } from 'vitest';
import { emptyPromptState, readPromptState, updatePromptState } from '../../../../widget/core/triggers/prompt-state.ts';

afterEach(() => localStorage.clear());

describe('prompt state', () => {
  it('round-trips the flags through localStorage', () => {
    updatePromptState((s) => {
      s.lastPromptAt = 5;
      s.doNotAsk.push('career-outcomes');
      s.answered.push('career-outcomes:m0');
      s.snoozedUntil['career-outcomes'] = 9;
    });
    expect(readPromptState()).toEqual({
      lastPromptAt: 5,
      doNotAsk: ['career-outcomes'],
      answered: ['career-outcomes:m0'],
      snoozedUntil: { 'career-outcomes': 9 },
    });
  });

  it.each(['not json', '42', '{"doNotAsk":"x","answered":[1,"a"]}'])(
    'reads garbage %j as a fresh state, keeping valid entries',
    (text) => {
      localStorage.setItem('outcome-survey', text);
      const state = readPromptState();
      expect(state.doNotAsk).toEqual([]);
      expect(state.answered.every((a) => typeof a === 'string')).toBe(true);
    },
  );

  it('remembers nothing, without throwing, when storage throws', () => {
    const broken = {
      getItem() {
        throw new Error('SecurityError');
      },
      setItem() {
        throw new Error('QuotaExceededError');
      },
    } as unknown as Storage;
    expect(() => updatePromptState((s) => s.doNotAsk.push('x'), broken)).not.toThrow();
    expect(readPromptState(broken)).toEqual(emptyPromptState());
  });
});
