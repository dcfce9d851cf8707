import type { DisclosureRules, ImpactCount, RateCell } from '../../../protocol/index.ts';
import { escapeHtml } from './escape-html.ts';
import { withheldReason } from './labels.ts';

const NUMBER = new Intl.NumberFormat('en-GB');
const PERCENT = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });

export const num = (n: number) => NUMBER.format(n);
export const pct = (p: number) => PERCENT.format(p);

/** A published count, or "withheld" with why: the cell's HTML. */
export function countHtml(c: ImpactCount | null, rules: DisclosureRules): string {
  if (c === null) return '<span class="na">not asked</span>';
  if (c.count === null)
    return `<span class="withheld">${escapeHtml(withheldReason(c.suppressed, rules.minCell, rules.minPercentBase))}</span>`;
  return escapeHtml(num(c.count));
}

/** A rate with its n and 95 % interval, e.g. "62.5 % (25 of 40; 95 % interval 47.0 %–75.8 %)". */
export function rateHtml(r: RateCell | null, rules: DisclosureRules): string {
  if (r === null) return '<span class="na">no roster to count from</span>';
  if (r.estimate === null || r.ci95 === null) {
    const s = r.suppressed;
    const reason = s?.numerator ?? s?.denominator ?? s?.rate ?? (r.denominator === 0 ? undefined : 'small_base');
    const text = r.denominator === 0 ? 'no one to count' : withheldReason(reason, rules.minCell, rules.minPercentBase);
    return `<span class="withheld">${escapeHtml(text)}</span>`;
  }
  return escapeHtml(
    `${pct(r.estimate)} (${num(r.numerator ?? 0)} of ${num(r.denominator ?? 0)}; 95 % interval ${pct(r.ci95[0])}–${pct(r.ci95[1])})`,
  );
}

/** An estimate with an interval, e.g. "1,200 (95 % interval 900–1,500)". */
export const estimateHtml = (e: { estimate: number; ci95: [number, number] } | null, asShare = false) =>
  e === null
    ? '<span class="na">not available</span>'
    : escapeHtml(
        asShare
          ? `${pct(e.estimate)} (95 % interval ${pct(e.ci95[0])}–${pct(e.ci95[1])})`
          : `${num(Math.round(e.estimate))} (95 % interval ${num(Math.round(e.ci95[0]))}–${num(Math.round(e.ci95[1]))})`,
      );
