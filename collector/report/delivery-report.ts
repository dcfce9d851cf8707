import type { StoredResponse } from '../storage/storage.ts';
import { type DisclosureRules, type PublishedCount, suppressTable } from './disclosure-control.ts';

export type DeliveryReport = {
  days: string[];
  received: PublishedCount[];
  /** The collector does not keep rejected items (they are answered per item and logged), so there is no count to show. */
  rejected: null;
  notes: string[];
};

/** Responses received per UTC day (by the collector's clock), under the same disclosure rules as every count. */
export async function deliveryReport(
  responses: AsyncIterable<StoredResponse>,
  rules: DisclosureRules,
): Promise<DeliveryReport> {
  const perDay = new Map<string, number>();
  for await (const r of responses) {
    const day = r.receivedAt.slice(0, 10);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
  }
  const days = [...perDay.keys()].sort();
  const table = suppressTable({ cells: [days.map((d) => perDay.get(d) ?? 0)] }, rules);
  return {
    days,
    received: table.cells[0] ?? [],
    rejected: null,
    notes: [
      'Rejected items are not stored by the collector today: the collector’s request log counts them per request.',
    ],
  };
}
