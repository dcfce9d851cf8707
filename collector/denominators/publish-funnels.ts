import type { Funnel, Suppression } from '../../protocol/index.ts';
import { type DisclosureRules, roundTo } from '../report/disclosure-control.ts';
import { atLeast, type RateTally } from './rate-tally.ts';

export type PublishedFunnel = { funnel: Funnel; suppressed: Record<string, Suppression> };

type Step = { key: string; value: number; hidden?: Suppression };

/**
 * Disclosure control for the funnels of a cohort and its groups. Two kinds of relation let a hidden count be
 * worked out, and both are closed:
 * - down a funnel the steps are nested (shown ≥ started ≥ answered 1 ≥ …): a count is hidden below k, and so is one
 *   whose drop from the last step shown is a small cell (a drop counts members too), or is anything below k across a
 *   hidden step, which would otherwise pin the hidden step between two equal neighbours;
 * - across the groups each step adds up to the cohort's: a step hidden in exactly one group (or only in the cohort)
 *   is recovered by subtraction, so the smallest shown group's count is hidden too (complementary suppression, as
 *   collector/report/disclosure-control.ts does for tables).
 * Both are applied until nothing changes. `linked` names, per row (the groups, then the cohort), steps to withhold
 * from the start because a count they repeat is withheld elsewhere (completed is the 1.1 count, give or take a
 * completion still on its way). Every group lists the same steps as the cohort (a group nobody in which
 * got as far shows a withheld zero, not a shorter list that would say the zero).
 */
export function publishFunnels(
  total: RateTally,
  groups: readonly RateTally[] | null,
  rules: DisclosureRules,
  linked: readonly (readonly string[])[] = [],
): { total: PublishedFunnel; groups: PublishedFunnel[] } {
  const furthest = Math.max(0, total.reached.length - 1);
  const rows = [...(groups ?? []), total].map((t) => steps(t, furthest));
  rows.forEach((row, r) => {
    for (const s of row) {
      // Nobody reached this step: a zero names nobody, so it is shown, as in the disposition table.
      if (s.value > 0 && s.value < rules.minCell) s.hidden = 'below_k';
      else if (linked[r]?.includes(s.key)) s.hidden = 'complementary';
    }
  });
  for (let changed = true; changed; ) {
    changed = false;
    for (const row of rows) changed = hideSmallDrops(row, rules.minCell) || changed;
    if (groups) changed = hideComplements(rows) || changed;
  }
  const published = rows.map((row) => publish(row, rules));
  return { total: published[published.length - 1], groups: published.slice(0, -1) };
}

/** shown, started, answered:1 … answered:furthest, completed, in that order. */
function steps(t: RateTally, furthest: number): Step[] {
  const reached = new Map(atLeast(t.reached));
  return [
    { key: 'shown', value: t.shown },
    { key: 'started', value: t.started },
    ...Array.from({ length: furthest }, (_, i) => ({ key: `answered:${i + 1}`, value: reached.get(i + 1) ?? 0 })),
    { key: 'completed', value: t.completed },
  ];
}

function hideSmallDrops(row: Step[], k: number): boolean {
  let changed = false;
  const check = (s: Step, from: Step | undefined, across: boolean) => {
    if (s.hidden || !from) return;
    const drop = from.value - s.value;
    if (drop < k && (drop > 0 || across)) {
      s.hidden = 'dominant';
      changed = true;
    }
  };
  // The chain shown → started → answered:1 → …; completed hangs off started (it need not pass every answered:k).
  const chain = row.slice(0, -1);
  let previous: Step | undefined;
  let across = false;
  for (const s of chain) {
    check(s, previous, across);
    if (s.hidden) across = previous !== undefined;
    else [previous, across] = [s, false];
  }
  const [shown, started] = row;
  const completed = row[row.length - 1];
  check(completed, started.hidden ? (shown.hidden ? undefined : shown) : started, started.hidden !== undefined);
  return changed;
}

function hideComplements(rows: Step[][]): boolean {
  let changed = false;
  for (let c = 0; c < rows[0].length; c++) {
    const column = rows.map((row) => row[c]);
    if (column.filter((s) => s.hidden).length !== 1) continue;
    const shown = column.filter((s) => !s.hidden);
    // Hide a group's count rather than the cohort's (the last row) when there is a choice: readers use it most.
    const groupsShown = shown.filter((s) => s !== column[column.length - 1]);
    const pool = groupsShown.length > 0 ? groupsShown : shown;
    if (pool.length === 0) continue;
    pool.reduce((a, b) => (b.value < a.value ? b : a)).hidden = 'complementary';
    changed = true;
  }
  return changed;
}

function publish(row: readonly Step[], rules: DisclosureRules): PublishedFunnel {
  const suppressed: Record<string, Suppression> = {};
  const shown = (s: Step) => {
    if (s.hidden) suppressed[s.key] = s.hidden;
    return s.hidden ? null : roundTo(s.value, rules.roundTo);
  };
  const [first, second, ...rest] = row;
  const completed = rest.pop() as Step;
  const funnel: Funnel = {
    shown: shown(first),
    started: shown(second),
    completed: shown(completed),
    progress: rest.map((s, i) => ({ answered: i + 1, members: shown(s) })),
  };
  return { funnel, suppressed };
}
