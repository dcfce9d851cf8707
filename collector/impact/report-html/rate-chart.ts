import type { RateCell } from '../../../protocol/index.ts';
import { escapeHtml } from './escape-html.ts';
import { pct } from './format-cells.ts';

export type ChartBar = { label: string; rate: RateCell | null };

const WIDTH = 600;
const ROW = 28;
const LABEL = 230;

/**
 * Horizontal bars with the 95 % interval as a whisker. The table beside it is the accessible form, so the
 * drawing is role="img" labelled by that table's caption; a withheld bar is left out and the table says why.
 */
export function rateChart(id: string, bars: ChartBar[]): string {
  const plot = WIDTH - LABEL - 60;
  const rows = bars.map((b, i) => {
    const y = i * ROW + 4;
    const e = b.rate?.estimate;
    const ci = b.rate?.ci95;
    const label = `<text x="${LABEL - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(b.label.slice(0, 34))}</text>`;
    if (e == null || !ci) return `${label}<text x="${LABEL + 4}" y="${y + 15}" class="muted">withheld</text>`;
    const x0 = LABEL + ci[0] * plot;
    const x1 = LABEL + ci[1] * plot;
    return `${label}<rect x="${LABEL}" y="${y + 4}" width="${(e * plot).toFixed(1)}" height="14" class="bar"/><line x1="${x0.toFixed(1)}" x2="${x1.toFixed(1)}" y1="${y + 11}" y2="${y + 11}" class="ci"/><text x="${(LABEL + e * plot + 6).toFixed(1)}" y="${y + 15}">${escapeHtml(pct(e))}</text>`;
  });
  const height = bars.length * ROW + 8;
  return `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${escapeHtml(id)}" focusable="false">${rows.join('')}</svg>`;
}
