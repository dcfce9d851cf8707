import type { CareerOutcomes, InsertionRates } from '../../protocol/index.ts';
import { type DisclosureRules, suppressTable } from '../report/disclosure-control.ts';
import { addEvidence, type Evidence } from './evidence.ts';
import { NACE_POSITIVE, NOT_SEEKING } from './impact-groups.ts';
import { publishedSum } from './publish-count.ts';
import { rateCell } from './stats/rate-cell.ts';
import type { YearData } from './year-data.ts';

/**
 * The school's count and rate of career outcomes among respondents, and NACE's knowledge and career-outcomes rates
 * over the population. Each is one table through disclosure control, and each rate is taken from that table's
 * published cells: a denominator is the table's margin or a sum of its published cells, never an exact count.
 */
export function careerOutcomes(
  data: YearData,
  insertion: InsertionRates[],
  target: number,
  rules: DisclosureRules,
  evidence: Evidence,
): CareerOutcomes {
  const achieved = data.respondents.filter((r) => r.careerOutcome === true);
  const notAchieved = data.respondents.filter((r) => r.careerOutcome === false);
  // Respondents whose outcome is unknown are left out of the table: the rate is among the known.
  const own = suppressTable({ cells: [[achieved.length, notAchieved.length]] }, rules);
  const count = own.cells[0][0];
  addEvidence(evidence, 'careerOutcomes.count', count, achieved);
  addEvidence(evidence, 'careerOutcomes.rateAmongKnown', count, achieved);
  const out: CareerOutcomes = {
    count,
    target,
    shareOfTarget: count.count === null ? null : Math.round((count.count / target) * 10_000) / 10_000,
    rateAmongKnown: rateCell(count, own.rowTotals[0], rules),
    knowledgeRate: null,
    naceCareerOutcomesRate: null,
    insertion,
  };
  if (data.population.length === 0) return out;
  // NACE over the population: positive outcome, looking (known, not positive), not seeking, and no known outcome.
  const part = {
    positive: [] as YearData['population'],
    looking: [] as YearData['population'],
    notSeeking: 0,
    none: 0,
  };
  for (const m of data.population) {
    const s = m.respondent?.situation;
    if (s === undefined) part.none++;
    else if (NACE_POSITIVE.includes(s)) part.positive.push(m);
    else if (s === NOT_SEEKING) part.notSeeking++;
    else part.looking.push(m);
  }
  const nace = suppressTable(
    { cells: [[part.positive.length, part.looking.length, part.notSeeking, part.none]] },
    rules,
  );
  const [positive, looking, notSeeking] = nace.cells[0];
  const known = publishedSum([positive, looking, notSeeking]);
  const respondentsOf = (ms: YearData['population']) => ms.flatMap((m) => (m.respondent ? [m.respondent] : []));
  const knownMembers = data.population.filter((m) => m.respondent?.situation !== undefined);
  addEvidence(evidence, 'careerOutcomes.knowledgeRate', known, respondentsOf(knownMembers));
  addEvidence(evidence, 'careerOutcomes.naceCareerOutcomesRate', positive, respondentsOf(part.positive));
  out.knowledgeRate = rateCell(known, nace.rowTotals[0], rules);
  out.naceCareerOutcomesRate = rateCell(positive, publishedSum([positive, looking]), rules);
  return out;
}
