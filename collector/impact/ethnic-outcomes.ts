import type { EthnicOutcome, SurveyDefinition } from '../../protocol/index.ts';
import { type DisclosureRules, suppressTable } from '../report/disclosure-control.ts';
import { addEvidence, type Evidence } from './evidence.ts';
import { ETHNIC_QUESTIONS, type Respondent } from './impact-respondents.ts';
import { rateCell } from './stats/rate-cell.ts';

/** The country whose pack asks each question (surveys/career-outcomes.json). */
export const ETHNIC_COUNTRY: Record<(typeof ETHNIC_QUESTIONS)[number], string> = {
  ethnic_group_gb: 'GB',
  ethnic_group_sct: 'GB',
  ethnic_group_nir: 'GB',
  race_ethnicity_us: 'US',
};

/**
 * The career-outcome rate per ethnic group, for each ethnic question the survey has. One table per question
 * (rows: its options in the survey's order, "prefer not to say" among them; columns: outcome, none) over the
 * respondents with a known outcome; in the US multiple choice a respondent is in every group chosen.
 */
export function ethnicOutcomes(
  survey: SurveyDefinition,
  respondents: readonly Respondent[],
  rules: DisclosureRules,
  evidence: Evidence,
): EthnicOutcome[] {
  const known = respondents.filter((r) => r.careerOutcome !== null);
  const out: EthnicOutcome[] = [];
  for (const question of ETHNIC_QUESTIONS) {
    const options = survey.questions.find((q) => q.id === question)?.options?.map((o) => o.id);
    if (!options) continue;
    const rows = options.map((value) => known.filter((r) => r.ethnic[question]?.includes(value)));
    const t = suppressTable(
      {
        cells: rows.map((rs) => [rs.filter((r) => r.careerOutcome).length, rs.filter((r) => !r.careerOutcome).length]),
      },
      rules,
    );
    for (const [i, value] of options.entries())
      addEvidence(
        evidence,
        `byEthnicGroup.${question}.${value}`,
        t.cells[i][0],
        rows[i].filter((r) => r.careerOutcome),
      );
    out.push({
      question,
      country: ETHNIC_COUNTRY[question],
      groups: options.map((value, i) => ({ value, outcome: rateCell(t.cells[i][0], t.rowTotals[i], rules) })),
    });
  }
  return out;
}
