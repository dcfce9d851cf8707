import { describe, expect, it } from 'vitest';
import { CAREER_OUTCOME_RULE, careerOutcome } from '../../../collector/flags/career-outcome.ts';

describe('careerOutcome', () => {
  it.each([
    ['a change credited a lot', { changes: ['new_job'], helped: 'a_lot' }, true],
    ['a change credited a little', { changes: ['pay_rise', 'promotion'], helped: 'a_little' }, true],
    ['a change not credited', { changes: ['business'], helped: 'not_at_all' }, false],
    ['"None of these"', { changes: ['none'] }, false],
    ['"None of these" even with a stray "helped"', { changes: ['none'], helped: 'a_lot' }, false],
    ['a change with "helped" unanswered', { changes: ['new_job'] }, null],
    ['a change with "helped" refused', { changes: ['new_job'], helped: 'prefer_not_to_say' }, null],
    ['nothing answered', {}, null],
    ['an empty list', { changes: [] }, null],
    ['only "helped" answered', { helped: 'a_lot' }, null],
  ])('gives %s → %s', (_name, answers, value) => {
    expect(careerOutcome(answers)).toEqual({ value, rule: CAREER_OUTCOME_RULE });
  });
});
