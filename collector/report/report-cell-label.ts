import type { DisclosureRules, ReportCell, Suppression } from '../../protocol/index.ts';

/** The row or column label of a margin, in both text formats. */
export const TOTAL = 'total';

/** Why a cell is withheld, in words a reader of the published table understands without the codebook. */
export function withheldReason(reason: Suppression, rules: DisclosureRules): string {
  if (reason === 'below_k') return `fewer than ${rules.minCell}`;
  if (reason === 'dominant') return `all but fewer than ${rules.minCell} of the cell`;
  return 'hidden so another withheld cell cannot be recomputed from the totals';
}

/** "25 (40%)", "25", or "withheld (fewer than 10)". */
export function cellText(cell: ReportCell, rules: DisclosureRules): string {
  if (cell.count === null) return `withheld (${withheldReason(cell.suppressed ?? 'below_k', rules)})`;
  return typeof cell.percent === 'number' ? `${cell.count} (${cell.percent}%)` : String(cell.count);
}
