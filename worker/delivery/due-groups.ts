import type { QueuedItem } from '../storage/queued-item.ts';
import { type Destinations, destinationKey } from './destinations.ts';

/**
 * The items to send in this round, by destination: not expired, and due (their backoff is over,
 * backoffs are ignored, or their destination just acknowledged a batch), unless their destination
 * just failed.
 */
export function dueGroups(
  items: QueuedItem[],
  now: number,
  policy: { maxAgeMs: number; ignoreBackoff?: boolean },
  seen: Destinations,
): Map<string, QueuedItem[]> {
  const groups = new Map<string, QueuedItem[]>();
  for (const item of items) {
    const key = destinationKey(item);
    const due = policy.ignoreBackoff || seen.healthy.has(key) || item.nextAttemptAt <= now;
    if (item.queuedAt + policy.maxAgeMs > now && due && !seen.failing.has(key))
      groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}
