import { type RosterChange, rosterDiff } from '../denominators/roster-diff.ts';
import type { StoredMember } from './denominator-storage.ts';
import { memberFields } from './member-row.ts';

/** What an import writes: nothing when `change` is null, else the members to upsert and the hashes to remove. */
export type RosterPlan = { change: RosterChange | null; upserts: StoredMember[]; removed: string[] };

/** Both adapters plan an import the same way, from the members stored now (read inside their transaction). */
export function rosterPlan(
  cohortId: string,
  stored: readonly StoredMember[],
  incoming: readonly StoredMember[],
  at: string,
): RosterPlan {
  const before = new Map(stored.map((m) => [m.learnerHash, memberFields(m)]));
  const after = new Map(incoming.map((m) => [m.learnerHash, memberFields(m)]));
  const change = rosterDiff(cohortId, before, after, new Date(at));
  if (change === null) return { change, upserts: [], removed: [] };
  const touched = new Set([...change.added, ...change.changed].map((c) => c.ref));
  return {
    change,
    upserts: incoming.filter((m) => touched.has(m.learnerHash)),
    removed: change.removed.map((c) => c.ref),
  };
}

/** The dated record's detail column: per-member changes, keyed by the hashed ref only. */
export const changeDetail = (c: RosterChange) =>
  JSON.stringify({ added: c.added, removed: c.removed, changed: c.changed, unchanged: c.unchanged });
