import type { MemberFacts } from '../storage/denominator-storage.ts';
import { DISPOSITION_CODES, type DispositionCode } from './disposition.ts';

/** Exact counts of one set of members (a cohort, or one group of it), before disclosure control. */
export type RateTally = {
  population: number;
  dispositions: Record<DispositionCode, number>;
  shown: number;
  started: number;
  completed: number;
  /** reached[k] = members whose furthest point was exactly k answered questions (k >= 1). */
  reached: number[];
};

export function emptyTally(): RateTally {
  const dispositions = Object.fromEntries(DISPOSITION_CODES.map((c) => [c, 0])) as Record<DispositionCode, number>;
  return { population: 0, dispositions, shown: 0, started: 0, completed: 0, reached: [] };
}

/**
 * Adds one member. The funnel counts steps a member reached, whatever came after: a member who started reached
 * "shown" even if the shown event was lost on the way, and how far a member got is the most of their progress
 * events and their stored response.
 */
export function addMember(tally: RateTally, facts: MemberFacts, code: DispositionCode): void {
  tally.population++;
  tally.dispositions[code]++;
  let furthest = facts.response?.answered ?? 0;
  let started = facts.response !== undefined;
  let shown = started;
  let completed = facts.response?.status === 'complete';
  for (const e of facts.events) {
    if (e.kind === 'shown' || e.kind === 'dismissed') shown = true;
    if (e.kind === 'started' || e.kind === 'progress') started = true;
    if (e.kind === 'completed') completed = true;
    if (e.kind === 'progress') furthest = Math.max(furthest, e.answered ?? 0);
  }
  completed ||= code === '1.1';
  started ||= completed;
  shown ||= started;
  if (shown) tally.shown++;
  if (started) tally.started++;
  if (completed) tally.completed++;
  if (furthest > 0) tally.reached[furthest] = (tally.reached[furthest] ?? 0) + 1;
}

/** [k, members who answered at least k questions] for k = 1 … the furthest any member got. */
export function atLeast(reached: readonly number[]): [answered: number, members: number][] {
  const out: [number, number][] = [];
  let sum = 0;
  for (let k = reached.length - 1; k >= 1; k--) {
    sum += reached[k] ?? 0;
    out.push([k, sum]);
  }
  return out.reverse();
}
