import { describe, expect, it } from 'vitest';
import { rateCell } from '../../../../collector/impact/stats/rate-cell.ts';
import { wilson } from '../../../../collector/impact/stats/wilson.ts';

describe('wilson', () => {
  it.each<[number, number, [number, number]]>([
    // By hand, z = 1.959964, z²/n = 0.384146: centre 0.192073/1.384146 = 0.138767 = half-width, so [0, 0.277535].
    [0, 10, [0, 0.2775]],
    // Centre 0.5; half-width z·√(0.025 + 0.009604)/1.384146 = 0.263409.
    [5, 10, [0.2366, 0.7634]],
    // Newcombe (1998), Statistics in Medicine 17:857, table I, method 3: 81/263 → 0.2553 to 0.3662.
    [81, 263, [0.2553, 0.3662]],
    // Newcombe (1998), the same table: 15/148 → 0.0624 to 0.1605; 0/20 → 0 to 0.1611; 1/29 → 0.0061 to 0.1718.
    [15, 148, [0.0624, 0.1605]],
    [0, 20, [0, 0.1611]],
    [1, 29, [0.0061, 0.1718]],
  ])('%i of %i', (x, n, [low, high]) => {
    const got = wilson(x, n);
    expect(got?.[0]).toBeCloseTo(low, 4);
    expect(got?.[1]).toBeCloseTo(high, 4);
  });

  it('is null on no trials or a count out of range', () => {
    expect(wilson(0, 0)).toBeNull();
    expect(wilson(3, 2)).toBeNull();
  });
});

describe('rateCell', () => {
  const rules = { minCell: 5, roundTo: 5, minPercentBase: 30 };

  it('gives no rate when the numerator is withheld', () => {
    expect(rateCell({ count: null, suppressed: 'below_k' }, { count: 100 }, rules)).toEqual({
      numerator: null,
      denominator: 100,
      estimate: null,
      ci95: null,
      suppressed: { numerator: 'below_k' },
    });
  });

  it('gives no rate on a base under minPercentBase', () => {
    expect(rateCell({ count: 10 }, { count: 25 }, rules)).toEqual({
      numerator: 10,
      denominator: 25,
      estimate: null,
      ci95: null,
      suppressed: { rate: 'small_base' },
    });
  });

  it('takes a rounded numerator above its rounded denominator as the denominator', () => {
    // A denominator summed from rounded parts (publishedSum) can show 45 under a numerator shown as 50: the rate is
    // 45/45, and Wilson's on 45 of 45 is
    // [n/(n + z²), 1] = [45/48.841459, 1] = [0.921348, 1].
    expect(rateCell({ count: 50 }, { count: 45 }, rules)).toEqual({
      numerator: 50,
      denominator: 45,
      estimate: 1,
      ci95: [0.921348, 1],
    });
  });
});
