import { chartFrame, countText, numbersTable, patternDef, percentText, svgEl } from './svg.js';

const W = 760;
const LEFT = 56;
const TOP = 34;
const PLOT_H = 190;
const H = TOP + PLOT_H + 70;
/** The committee's target: underserved learners up 20% on the previous year. */
export const TARGET_PERCENT = 20;

/** Per year: underserved learners (with their share), the change on the previous year, and a dashed target mark. */
export function targetChart(id, title, byYear) {
  const cells = byYear.tables.any_underserved.colTotals;
  const change = new Map(byYear.yearOverYear.filter((r) => r.row === 'all').map((r) => [r.period, r]));
  const years = byYear.periods.map((period, i) => {
    const yoy = change.get(period);
    const previous = yoy?.previousUnderserved ?? null;
    const target = previous === null ? null : Math.round(previous * (1 + TARGET_PERCENT / 100));
    return {
      period,
      cell: cells[i],
      yoy,
      target,
      met: yoy?.changePercent == null ? null : yoy.changePercent >= TARGET_PERCENT,
    };
  });

  const { figure, svg } = chartFrame(id, title, W, H);
  const defs = svgEl('defs');
  defs.append(patternDef(`${id}-pattern`, 'dots'));
  svg.append(defs);
  legend(svg, id);
  const max = Math.max(1, ...years.flatMap((y) => [y.cell.count ?? 0, y.target ?? 0])) * 1.1;
  const yOf = (v) => TOP + PLOT_H - (v / max) * PLOT_H;
  svg.append(svgEl('line', { x1: LEFT, x2: W, y1: yOf(0), y2: yOf(0), class: 'axis' }));
  const group = (W - LEFT) / Math.max(1, years.length);
  const barW = Math.min(90, group * 0.45);
  years.forEach((y, i) => {
    const mid = LEFT + i * group + group / 2;
    const x = mid - barW / 2;
    if (y.cell.count !== null) {
      const box = { x, y: yOf(y.cell.count), width: barW, height: yOf(0) - yOf(y.cell.count) };
      svg.append(svgEl('rect', { ...box, fill: `url(#${id}-pattern)`, class: 'bar', 'data-value': y.cell.count }));
      svg.append(svgEl('rect', { ...box, class: 'bar-outline' }));
      svg.append(svgEl('text', { x: mid, y: box.y - 4, 'text-anchor': 'middle' }, String(y.cell.count)));
    } else
      svg.append(
        svgEl('text', { x: mid, y: yOf(0) - 6, 'text-anchor': 'middle', 'font-style': 'italic' }, 'not shown'),
      );
    if (y.target !== null) {
      const ty = yOf(y.target);
      svg.append(
        svgEl('line', { x1: x - 10, x2: x + barW + 10, y1: ty, y2: ty, class: 'target', 'data-value': y.target }),
      );
      svg.append(svgEl('text', { x: x + barW + 14, y: ty + 4 }, `target ${y.target}`));
    }
    const lines = [y.period, `share ${percentText(y.cell)}`, changeText(y), metText(y)];
    for (const [k, line] of lines.entries())
      svg.append(
        svgEl('text', { x: mid, y: TOP + PLOT_H + 16 + k * 14, 'text-anchor': 'middle', 'data-line': k }, line),
      );
  });

  const rows = years.map((y) => [
    y.period,
    countText(y.cell),
    percentText(y.cell),
    changeText(y),
    y.target === null ? 'no target (no previous year shown)' : String(y.target),
    metText(y),
  ]);
  const head = [
    'Year',
    'Underserved learners',
    'Share of responses',
    'Change on previous year',
    `Target (+${TARGET_PERCENT}%)`,
    'Target met',
  ];
  figure.append(numbersTable(id, title, head, rows));
  return figure;
}

function changeText(y) {
  if (!y.yoy) return 'first year';
  if (y.yoy.changePercent === null) return 'change not shown';
  const sign = y.yoy.changePercent > 0 ? '+' : '';
  return `${sign}${y.yoy.changePercent}% on ${y.yoy.previous}`;
}

function metText(y) {
  if (y.met === null) return y.yoy ? 'target not assessable' : '';
  return y.met ? 'target met' : 'below target';
}

function legend(svg, id) {
  svg.append(svgEl('rect', { x: LEFT, y: 6, width: 16, height: 12, fill: `url(#${id}-pattern)` }));
  svg.append(svgEl('rect', { x: LEFT, y: 6, width: 16, height: 12, class: 'bar-outline' }));
  svg.append(svgEl('text', { x: LEFT + 22, y: 16 }, 'Underserved learners (dotted bars)'));
  svg.append(svgEl('line', { x1: LEFT + 260, x2: LEFT + 290, y1: 12, y2: 12, class: 'target' }));
  svg.append(svgEl('text', { x: LEFT + 296, y: 16 }, `Target: +${TARGET_PERCENT}% on the previous year (dashed)`));
}
