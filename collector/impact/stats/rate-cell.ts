import type { RateCell } from '../../../protocol/index.ts';
import type { DisclosureRules, PublishedCount } from '../../report/disclosure-control.ts';
import { wilson } from './wilson.ts';

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/**
 * A rate from two counts that have already passed disclosure control (suppressTable or publishCount). The estimate
 * and interval come from the published counts only: from exact counts, 20/49 would pin a numerator shown as 20 and a
 * denominator shown as 50. A rounded numerator above its rounded denominator is taken as the denominator.
 */
export function rateCell(numerator: PublishedCount, denominator: PublishedCount, rules: DisclosureRules): RateCell {
  const suppressed: NonNullable<RateCell['suppressed']> = {};
  if (numerator.suppressed) suppressed.numerator = numerator.suppressed;
  if (denominator.suppressed) suppressed.denominator = denominator.suppressed;
  const x = numerator.count;
  const n = denominator.count;
  let estimate: number | null = null;
  let ci95: [number, number] | null = null;
  if (x !== null && n !== null) {
    if (n < rules.minPercentBase || n === 0) suppressed.rate = 'small_base';
    else {
      const xs = Math.min(x, n);
      estimate = round6(xs / n);
      const ci = wilson(xs, n);
      ci95 = ci && [round6(ci[0]), round6(ci[1])];
    }
  }
  const cell: RateCell = { numerator: x, denominator: n, estimate, ci95 };
  return Object.keys(suppressed).length > 0 ? { ...cell, suppressed } : cell;
}
