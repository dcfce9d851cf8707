import { describe, expect, it } from 'vitest';
import { ANY_UNDERSERVED_RULE, anyUnderserved } from '../../../collector/flags/any-underserved.ts';

const f = (...values: (boolean | null)[]) => values.map((value) => ({ value, rule: 'x@1' }));

describe('anyUnderserved', () => {
  it.each([
    ['one true among unknowns', f(true, null, null, null, null), true],
    ['one true among falses', f(false, false, true, false, false), true],
    ['all five false', f(false, false, false, false, false), false],
    ['four false, one unknown', f(false, false, false, null, false), null],
    ['all unknown', f(null, null, null, null, null), null],
  ])('gives %s → %s', (_name, groups, value) => {
    expect(anyUnderserved(groups)).toEqual({ value, rule: ANY_UNDERSERVED_RULE });
  });
});
