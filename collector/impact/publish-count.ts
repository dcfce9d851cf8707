import { type DisclosureRules, type PublishedCount, roundTo } from '../report/disclosure-control.ts';

/** One count alone under disclosure control: withheld below k (zero too), else rounded. */
export function publishCount(n: number, rules: DisclosureRules): PublishedCount {
  return n < rules.minCell ? { count: null, suppressed: 'below_k' } : { count: roundTo(n, rules.roundTo) };
}

/** The sum of published counts, or withheld when any part is (with the first part's reason). */
export function publishedSum(parts: readonly PublishedCount[]): PublishedCount {
  const hidden = parts.find((p) => p.count === null);
  if (hidden) return { count: null, suppressed: hidden.suppressed ?? 'complementary' };
  return { count: parts.reduce((a, p) => a + (p.count as number), 0) };
}
