import { describe, expect, it } from 'vitest';
import { refugee, refugeeRule } from '../../../collector/flags/refugee.ts';

describe('refugee', () => {
  it.each([
    ['refugee status', { protection_status: 'refugee' }, true, true],
    ['subsidiary protection', { protection_status: 'subsidiary_protection' }, false, true],
    ['temporary protection', { protection_status: 'temporary_protection' }, true, true],
    ['US asylee', { protection_status_us: 'asylee' }, false, true],
    ['US TPS', { protection_status_us: 'tps' }, false, true],
    ['US parole', { protection_status_us: 'parole' }, false, true],
    ['JP complementary protection', { protection_status_jp: 'complementary_protection' }, false, true],
    ['asylum pending, counted', { protection_status: 'asylum_pending' }, true, true],
    ['asylum pending, not counted', { protection_status: 'asylum_pending' }, false, false],
    ['none of these', { protection_status: 'none' }, true, false],
    ['prefer not to say', { protection_status_jp: 'prefer_not_to_say' }, true, null],
    ['unanswered', {}, false, null],
  ])('gives %s (asylum seekers included: %s) → %s', (_name, answers, include, value) => {
    expect(refugee(answers, include)).toEqual({ value, rule: refugeeRule(include) });
  });

  it('names the asylum setting in the rule, so figures from the two settings never mix', () => {
    expect(refugeeRule(true)).toBe('refugee.protection@1+asylum-pending');
    expect(refugeeRule(false)).toBe('refugee.protection@1');
  });
});
