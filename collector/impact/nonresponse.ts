import type { NonresponseAttribute, NonresponseRow } from '../../protocol/index.ts';
import { type DisclosureRules, type PublishedCount, suppressTable } from '../report/disclosure-control.ts';
import { rosterValue } from './roster-value.ts';
import type { JoinedMember } from './year-data.ts';

/** US federal practice (OMB 2006, guideline 3.2.9): a non-response bias analysis when the unit response rate is under 80 %. */
export const BIAS_RR1 = 0.8;
/** A share among respondents this many points from the population's is named in the warning. */
export const BIAS_POINTS = 5;

const round1 = (v: number) => Math.round(v * 10) / 10;
const shown = (v: string | null) => (v === null ? 'not given' : JSON.stringify(v));

function share(count: PublishedCount, base: PublishedCount, rules: DisclosureRules): number | null {
  if (count.count === null || base.count === null || base.count === 0 || base.count < rules.minPercentBase) return null;
  return round1((100 * count.count) / base.count);
}

/**
 * For every roster column of the population (country, course_id, path_id, each attr_<name> a member has), its
 * share of the population and of the respondents, by value, from counts that passed disclosure control as one
 * table per column: rows the values, columns respondents and non-respondents, so the population is the row total
 * and complementary suppression covers both. RR1 here is the population's respondents over its members, from the
 * published totals: the rate of exactly the people the shares compare (impact.responseRates is per cohort and wave).
 */
export function nonresponse(population: readonly JoinedMember[], rules: DisclosureRules): NonresponseAttribute[] {
  if (population.length === 0) return [];
  const attrs = new Set(population.flatMap((m) => Object.keys(m.member.attrs).map((a) => `attr_${a}`)));
  const columns = ['country', 'course_id', 'path_id', ...[...attrs].sort()];
  return columns.map((attribute) => {
    const counts = new Map<string | null, [number, number]>();
    for (const m of population) {
      const v = rosterValue(m.member, attribute);
      const c = counts.get(v) ?? [0, 0];
      c[m.respondent ? 0 : 1]++;
      counts.set(v, c);
    }
    const values = [...counts.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
    // Zeros shown, as in the response-rate tables: "every member on this course responded" names a disposition,
    // not an answer; suppressTable still hides a zero whose row is below k.
    const table = suppressTable({ cells: values.map((v) => counts.get(v) as [number, number]) }, rules, undefined, {
      zerosShown: true,
    });
    const respondentsTotal = table.colTotals[0];
    const rows: NonresponseRow[] = values.map((value, r) => {
      const populationShare = share(table.rowTotals[r], table.total, rules);
      const respondentShare = share(table.cells[r][0], respondentsTotal, rules);
      return {
        value,
        population: table.rowTotals[r],
        respondents: table.cells[r][0],
        populationShare,
        respondentShare,
        differencePoints:
          populationShare === null || respondentShare === null ? null : round1(respondentShare - populationShare),
      };
    });
    const result: NonresponseAttribute = { attribute, rows };
    const rr1 =
      respondentsTotal.count === null || !table.total.count ? null : respondentsTotal.count / table.total.count;
    const far = rows.filter((row) => row.differencePoints !== null && Math.abs(row.differencePoints) > BIAS_POINTS);
    if (rr1 !== null && rr1 < BIAS_RR1 && far.length > 0)
      result.warning = `RR1 is ${round1(100 * rr1)} %, under 80 %, and respondents differ from the population on ${attribute}: ${far
        .map(
          (row) =>
            `${shown(row.value)} is ${row.respondentShare} % of respondents against ${row.populationShare} % of the population (${(row.differencePoints as number) > 0 ? '+' : ''}${row.differencePoints} points)`,
        )
        .join(
          '; ',
        )}. Figures by ${attribute} may be biased: weight to it (weights=${attribute}) or read them with care.`;
    return result;
  });
}
