import type { GroupOutcome } from '../../protocol/index.ts';
import { type DisclosureRules, suppressTable } from '../report/disclosure-control.ts';
import { addEvidence, type Evidence } from './evidence.ts';
import { IMPACT_GROUPS } from './impact-groups.ts';
import type { Respondent } from './impact-respondents.ts';
import { rateCell } from './stats/rate-cell.ts';

const ROWS = [true, false, null] as const;
const ROW_NAMES = ['whenTrue', 'whenFalse', 'unknown'] as const;

/**
 * "What happens to underserved learners": per group, the career-outcome rate among respondents in it and not in
 * it, and how many are unknown. One table per group (rows: in the group, not, unknown; columns: outcome, none)
 * over the respondents whose outcome is known, so complementary suppression holds inside the group's figures and
 * each rate's denominator is its row's published total.
 */
export function groupOutcomes(
  respondents: readonly Respondent[],
  rules: DisclosureRules,
  evidence: Evidence,
): GroupOutcome[] {
  const known = respondents.filter((r) => r.careerOutcome !== null);
  return IMPACT_GROUPS.map((group) => {
    const rows = ROWS.map((v) => known.filter((r) => r.groups[group] === v));
    const t = suppressTable(
      {
        cells: rows.map((rs) => [rs.filter((r) => r.careerOutcome).length, rs.filter((r) => !r.careerOutcome).length]),
      },
      rules,
    );
    rows.forEach((rs, i) => {
      const path = `byGroup.${group}.${ROW_NAMES[i]}`;
      if (i < 2)
        addEvidence(
          evidence,
          path,
          t.cells[i][0],
          rs.filter((r) => r.careerOutcome),
        );
      else addEvidence(evidence, path, t.rowTotals[i], rs);
    });
    return {
      group,
      whenTrue: rateCell(t.cells[0][0], t.rowTotals[0], rules),
      whenFalse: rateCell(t.cells[1][0], t.rowTotals[1], rules),
      unknown: t.rowTotals[2],
    };
  });
}
