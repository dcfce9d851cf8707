import type { RateCell, UnderservedGroup } from '../../protocol/index.ts';
import { type DisclosureRules, type PublishedCount, suppressTable } from '../report/disclosure-control.ts';
import { addEvidence, type Evidence } from './evidence.ts';
import { IMPACT_GROUPS, type ImpactGroup } from './impact-groups.ts';
import type { Respondent } from './impact-respondents.ts';
import { rateCell } from './stats/rate-cell.ts';

/** The committee's target: the number of underserved learners up 20 % on the year before. */
export const UNDERSERVED_TARGET = 1.2;

type Estimate = { estimate: number; ci95: [number, number] };
type YearShare = { share: RateCell; estimatedInCohort: Estimate | null };
export type UnderservedYear = {
  year: number;
  respondents: readonly Respondent[];
  /** Published members of the year's population; `rostered` is false when no roster has a member in the year. */
  population: PublishedCount;
  rostered: boolean;
};

function shareOf(group: ImpactGroup, y: UnderservedYear, rules: DisclosureRules, evidence?: Evidence): YearShare {
  const inGroup = y.respondents.filter((r) => r.groups[group] === true);
  const notInGroup = y.respondents.filter((r) => r.groups[group] === false).length;
  const t = suppressTable({ cells: [[inGroup.length, notInGroup]] }, rules);
  if (evidence) addEvidence(evidence, `underserved.${group}.share`, t.cells[0][0], inGroup);
  const share = rateCell(t.cells[0][0], t.rowTotals[0], rules);
  const n = y.population.count;
  const estimatedInCohort =
    share.estimate === null || share.ci95 === null || n === null
      ? null
      : {
          estimate: Math.round(share.estimate * n),
          ci95: [Math.round(share.ci95[0] * n), Math.round(share.ci95[1] * n)] as [number, number],
        };
  return { share, estimatedInCohort };
}

function judged(
  cur: YearShare,
  prev: YearShare,
  years: { now: UnderservedYear; before: UnderservedYear },
): Pick<UnderservedGroup, 'change' | 'status' | 'statusReason'> {
  const { now, before } = years;
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b - 1) * 10_000) / 10_000 : null);
  const noRoster = [now, before].filter((y) => !y.rostered).map((y) => y.year);
  if (noRoster.length > 0)
    return {
      change: null,
      status: 'undetermined',
      statusReason: `no roster was imported for ${noRoster.join(' and ')}, so the number of underserved learners is unknown: respondent counts cannot say how many learners are underserved, only how many answered; import the cohort (PUT /v1/cohorts/ID or npm run cohort -- import) to judge the +20 % target`,
    };
  const [c, p] = [cur.estimatedInCohort, prev.estimatedInCohort];
  if (c === null || p === null)
    return {
      change: null,
      status: 'undetermined',
      statusReason: `the estimated number for ${c === null ? now.year : before.year} is withheld: too few respondents, or a count below the disclosure threshold`,
    };
  const change = ratio(c.estimate, p.estimate);
  const goal = (x: number) => Math.round(UNDERSERVED_TARGET * x);
  if (c.ci95[0] >= UNDERSERVED_TARGET * p.ci95[1])
    return {
      change,
      status: 'met',
      statusReason: `the lowest plausible number for ${now.year} (${c.ci95[0]}) is at least 20 % above the highest for ${before.year} (${p.ci95[1]} × 1.2 = ${goal(p.ci95[1])})`,
    };
  if (c.ci95[1] < UNDERSERVED_TARGET * p.ci95[0])
    return {
      change,
      status: 'not_met',
      statusReason: `the highest plausible number for ${now.year} (${c.ci95[1]}) is below 20 % above the lowest for ${before.year} (${p.ci95[0]} × 1.2 = ${goal(p.ci95[0])})`,
    };
  return {
    change,
    status: 'undetermined',
    statusReason: `the 95 % intervals overlap the target: ${now.year} is between ${c.ci95[0]} and ${c.ci95[1]}, and 20 % above ${before.year} is between ${goal(p.ci95[0])} and ${goal(p.ci95[1])}`,
  };
}

/**
 * The share of respondents in each group, the number of underserved learners it implies in the whole
 * population (share × members, interval scaled alike), and the change on the year before against the +20 % target,
 * judged on the intervals: met, not met, or undetermined when they overlap it.
 */
export function underservedGroups(
  now: UnderservedYear,
  before: UnderservedYear,
  rules: DisclosureRules,
  evidence: Evidence,
): UnderservedGroup[] {
  return IMPACT_GROUPS.map((group) => {
    const cur = shareOf(group, now, rules, evidence);
    const prev = shareOf(group, before, rules);
    const hasPrevious = before.respondents.length > 0;
    return {
      group,
      ...cur,
      previous: hasPrevious ? prev : null,
      ...(hasPrevious
        ? judged(cur, prev, { now, before })
        : {
            change: null,
            status: 'undetermined' as const,
            statusReason: `no respondent in ${before.year} to compare with`,
          }),
    };
  });
}
