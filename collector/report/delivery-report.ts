import type { DeliveryReport } from '../../protocol/index.ts';
import { REJECTION_REASONS } from '../ingest/rejection-reason.ts';
import { LINK_PAGE_REFUSALS } from '../links/link-site.ts';
import type { RejectionCount, StoredResponse } from '../storage/storage.ts';

export type { DeliveryReport };

const NOTES = [
  'Received counts responses of this survey by the day the collector received them; rejected counts items of every survey, by coarse reason only: nothing else of a rejected item is kept.',
  'unverifiedLearnerRefs counts received responses whose learnerRef came without a valid signature where the site key has a learnerSecret: they are stored without the ref and belong to no learner; many of them mean the host does not sign its refs.',
  'link_invalid, link_expired and link_spent count items posted with a personal-link token that failed its check, had expired before the answer, or whose link was already answered; link_forged, link_expired and link_already_answered (site key personal-link) count link pages refused or shown as already answered.',
  'These are counts of deliveries, exact and not rounded or suppressed: they describe the pipeline, not learners.',
];

/**
 * Delivery health per UTC day. Disclosure control (k, rounding) does not apply here: these are
 * operational counts of items arriving, with no attribute of a learner (no country, answer or
 * flag) to disclose, shown to token holders who can export the rows anyway; suppressing them
 * would hide the quiet or failing days this chart exists to show.
 */
export async function deliveryReport(
  responses: AsyncIterable<StoredResponse>,
  rejections: readonly RejectionCount[],
): Promise<DeliveryReport> {
  const received = new Map<string, number>();
  const unverified = new Map<string, number>();
  for await (const r of responses) {
    const day = r.receivedAt.slice(0, 10);
    received.set(day, (received.get(day) ?? 0) + 1);
    if (r.learnerRefStatus === 'unverified') unverified.set(day, (unverified.get(day) ?? 0) + 1);
  }
  const byReason = new Map<string, Map<string, number>>();
  for (const { day, reason, count } of rejections) {
    const perDay = byReason.get(reason) ?? new Map<string, number>();
    byReason.set(reason, perDay);
    perDay.set(day, (perDay.get(day) ?? 0) + count);
  }
  const seen = [...received.keys(), ...rejections.map((r) => r.day)].sort();
  const days = seen.length ? dayRange(seen[0], seen[seen.length - 1]) : [];
  // Item reasons first, then the link page's refusals (link_expired is both, counted once under its first place).
  const known: readonly string[] = [...new Set<string>([...REJECTION_REASONS, ...LINK_PAGE_REFUSALS])];
  const reasons = [...byReason.keys()].sort((a, b) => rank(known, a) - rank(known, b) || (a < b ? -1 : 1));
  const rejectedByReason = Object.fromEntries(
    reasons.map((reason) => [reason, days.map((d) => byReason.get(reason)?.get(d) ?? 0)]),
  );
  return {
    days,
    received: days.map((d) => received.get(d) ?? 0),
    unverifiedLearnerRefs: days.map((d) => unverified.get(d) ?? 0),
    rejected: days.map((_, i) => reasons.reduce((sum, reason) => sum + rejectedByReason[reason][i], 0)),
    rejectedByReason,
    notes: NOTES,
  };
}

// Reasons in the order of REJECTION_REASONS; a code from a newer collector sharing the database goes last.
const rank = (known: readonly string[], reason: string) => {
  const i = known.indexOf(reason);
  return i < 0 ? known.length : i;
};

/** Each UTC day from first to last, both included (YYYY-MM-DD). */
export function dayRange(first: string, last: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  // Bounded: ten years of days is more than any delivery chart shows.
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end && out.length < 3660; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
