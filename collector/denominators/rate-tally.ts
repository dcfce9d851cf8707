import type { FunnelSteps, MemberFacts } from '../storage/denominator-storage.ts';
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

export type { FunnelSteps };

/**
 * The funnel counts steps a member reached, whatever came after: a member who started reached "shown" even if the
 * shown event was lost on the way, and how far a member got is the most of their progress events and their stored
 * response.
 */
export function memberSteps(facts: MemberFacts, code: DispositionCode): FunnelSteps {
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
  return { shown, started, completed, furthest };
}

/** Adds one member. */
export function addMember(tally: RateTally, facts: MemberFacts, code: DispositionCode): void {
  addMembers(tally, code, memberSteps(facts, code), 1);
}

/** Adds `members` members who share a disposition and funnel steps (storage that counts in the database). */
export function addMembers(tally: RateTally, code: DispositionCode, steps: FunnelSteps, members: number): void {
  tally.population += members;
  tally.dispositions[code] += members;
  if (steps.shown) tally.shown += members;
  if (steps.started) tally.started += members;
  if (steps.completed) tally.completed += members;
  if (steps.furthest > 0) tally.reached[steps.furthest] = (tally.reached[steps.furthest] ?? 0) + members;
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
