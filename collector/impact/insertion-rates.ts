import type { InsertionRates, NeutralisedCase } from '../../protocol/index.ts';
import { type DisclosureRules, suppressTable } from '../report/disclosure-control.ts';
import { addEvidence, type Evidence } from './evidence.ts';
import { IN_WORK } from './impact-groups.ts';
import type { Respondent } from './impact-respondents.ts';
import { publishedSum } from './publish-count.ts';
import { rateCell } from './stats/rate-cell.ts';

export const INSERTION_WAVES = ['m6', 'm24'] as const;

/**
 * France Compétences' insertion rates at 6 and 24 months among the respondents of that wave. One table per wave
 * whose columns split the respondents without overlap (further study, work-study, in the target job, in other
 * work, other known situations, situation unknown), so every count and rate comes from its published cells.
 * Unable to work and abroad are neutralised too, but the survey asks neither: they are listed, not counted.
 */
export function insertionRates(
  respondents: readonly Respondent[],
  rules: DisclosureRules,
  evidence: Evidence,
): InsertionRates[] {
  const out: InsertionRates[] = [];
  for (const wave of INSERTION_WAVES) {
    const of = respondents.filter((r) => r.wave === wave);
    if (of.length === 0) continue;
    const parts = {
      study: of.filter((r) => r.situation === 'studying'),
      workStudy: of.filter((r) => r.situation === 'apprenticeship'),
      targetJob: of.filter(
        (r) => r.situation !== undefined && IN_WORK.includes(r.situation) && r.related === 'closely',
      ),
      otherWork: of.filter(
        (r) => r.situation !== undefined && IN_WORK.includes(r.situation) && r.related !== 'closely',
      ),
      otherKnown: of.filter(
        (r) =>
          r.situation !== undefined &&
          !IN_WORK.includes(r.situation) &&
          !['studying', 'apprenticeship'].includes(r.situation),
      ),
      unknown: of.filter((r) => r.situation === undefined),
    };
    const t = suppressTable({ cells: [Object.values(parts).map((p) => p.length)] }, rules);
    const [study, workStudy, targetJob, otherWork, otherKnown] = t.cells[0];
    const denominator = publishedSum([targetJob, otherWork, otherKnown]);
    const inWork = publishedSum([targetJob, otherWork]);
    const neutralised: NeutralisedCase[] = [
      { case: 'further_study', asked: true, count: study },
      { case: 'work_study', asked: true, count: workStudy },
      { case: 'unable_to_work', asked: false, count: null },
      { case: 'abroad', asked: false, count: null },
    ];
    addEvidence(evidence, `insertion.${wave}.respondents`, t.rowTotals[0], of);
    addEvidence(evidence, `insertion.${wave}.neutralised.further_study`, study, parts.study);
    addEvidence(evidence, `insertion.${wave}.neutralised.work_study`, workStudy, parts.workStudy);
    addEvidence(evidence, `insertion.${wave}.targetJob`, targetJob, parts.targetJob);
    addEvidence(evidence, `insertion.${wave}.inWork`, inWork, [...parts.targetJob, ...parts.otherWork]);
    out.push({
      wave,
      respondents: t.rowTotals[0],
      neutralised,
      targetJob: rateCell(targetJob, denominator, rules),
      inWork: rateCell(inWork, denominator, rules),
    });
  }
  return out;
}
