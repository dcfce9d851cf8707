import { formatChange, formatNumber, formatPeriod, formatPoints } from './format.js';
import { STATUS_LABELS } from './labels.js';
import { chartFrame, countText, numbersTable, patternDef, shareText, svgEl, withheldCsv } from './svg.js';

const W = 760;
const LEFT = 56;
const TOP = 34;
const PLOT_H = 190;
const H = TOP + PLOT_H + 86;
/** The committee's target: underserved learners up 20% on the previous year. */
export const TARGET_PERCENT = 20;

const NOT_FROM_COUNTS =
  'not assessed here: more respondents can mean more answers, not more underserved learners (see the impact figures)';

/**
 * Per year: underserved respondents, their share of responses with its n, and the change of both on the previous
 * year. The count's +20% mark is a guide only: whether the target is met is the impact report's call (from the
 * estimated number in the cohort, with its interval), shown here for the year it was asked for.
 */
export function targetChart(id, title, byYear, impact) {
  const rules = byYear.rules;
  const cells = byYear.tables.any_underserved.colTotals;
  const bases = byYear.tables.responses.colTotals;
  const change = new Map(byYear.yearOverYear.filter((r) => r.row === 'all').map((r) => [r.period, r]));
  const years = byYear.periods.map((period, i) => {
    const yoy = change.get(period);
    const previous = yoy?.previousUnderserved ?? null;
    const guide = previous === null ? null : Math.round(previous * (1 + TARGET_PERCENT / 100));
    return { period, cell: cells[i], base: bases[i], yoy, guide, status: statusOf(period, yoy, impact) };
  });

  const { figure, svg } = chartFrame(id, title, W, H);
  const defs = svgEl('defs');
  defs.append(patternDef(`${id}-pattern`, 'dots'));
  svg.append(defs);
  legend(svg, id);
  const max = Math.max(1, ...years.flatMap((y) => [y.cell.count ?? 0, y.guide ?? 0])) * 1.1;
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
      svg.append(svgEl('text', { x: mid, y: box.y - 4, 'text-anchor': 'middle' }, formatNumber(y.cell.count)));
    } else
      svg.append(
        svgEl('text', { x: mid, y: yOf(0) - 6, 'text-anchor': 'middle', 'font-style': 'italic' }, 'not shown'),
      );
    if (y.guide !== null) {
      const ty = yOf(y.guide);
      svg.append(
        svgEl('line', { x1: x - 10, x2: x + barW + 10, y1: ty, y2: ty, class: 'target', 'data-value': y.guide }),
      );
      svg.append(svgEl('text', { x: x + barW + 14, y: ty + 4 }, `+20%: ${formatNumber(y.guide)}`));
    }
    const lines = [
      formatPeriod(y.period),
      `share ${shareText(y.cell, y.base, rules)}`,
      `count ${countChange(y)}`,
      `share ${shareChange(y)}`,
      y.status.short,
    ];
    for (const [k, line] of lines.entries())
      svg.append(
        svgEl('text', { x: mid, y: TOP + PLOT_H + 16 + k * 14, 'text-anchor': 'middle', 'data-line': k }, line),
      );
  });

  const head = [
    'Year',
    'Underserved respondents',
    'Share of responses (n = responses)',
    'Change in count',
    'Change in share',
    `Count +${TARGET_PERCENT}% (a guide only)`,
    'Target status',
  ];
  const rows = years.map((y) => [
    formatPeriod(y.period),
    countText(y.cell, rules),
    shareText(y.cell, y.base, rules),
    countChange(y),
    shareChange(y),
    y.guide === null ? 'no previous year shown' : formatNumber(y.guide),
    y.status.long,
  ]);
  const csv = {
    head: [
      'year',
      'underserved_respondents',
      'underserved_withheld_because',
      'responses',
      'share_percent',
      'count_change_percent',
      'share_change_points',
      'target_status',
    ],
    rows: years.map((y) => [
      y.period,
      y.cell.count,
      withheldCsv(y.cell, rules),
      y.base.count,
      y.cell.percent ?? null,
      y.yoy?.changePercent ?? null,
      y.yoy?.changePoints ?? null,
      y.status.long,
    ]),
  };
  figure.append(numbersTable(id, title, head, rows, csv));
  return figure;
}

function countChange(y) {
  if (!y.yoy) return 'first year shown';
  if (y.yoy.changePercent === null) return 'change not shown';
  return `${formatChange(y.yoy.changePercent)} on ${y.yoy.previous}`;
}

function shareChange(y) {
  if (!y.yoy) return 'first year shown';
  if (y.yoy.changePoints === null) return 'change not shown';
  return `${formatPoints(y.yoy.changePoints)} on ${y.yoy.previous}`;
}

/** The target's status for one year: the impact report's, for the year it covers; never one read from counts. */
function statusOf(period, yoy, impact) {
  const any =
    impact && String(impact.year) === period ? impact.underserved.find((g) => g.group === 'any_underserved') : null;
  if (any) {
    const label = STATUS_LABELS[any.status] ?? 'Cannot tell yet';
    // Without a roster for the year there is no estimated number in the cohort, and the route cannot judge the target.
    const basis = any.estimatedInCohort === null ? ' (no roster for the year)' : '';
    return { short: `${label}${basis}`, long: `${label}${basis}: ${any.statusReason}` };
  }
  if (!yoy) return { short: '', long: 'first year shown: no previous year to compare with' };
  return { short: 'target not assessed here', long: `Target ${NOT_FROM_COUNTS}` };
}

function legend(svg, id) {
  svg.append(svgEl('rect', { x: LEFT, y: 6, width: 16, height: 12, fill: `url(#${id}-pattern)` }));
  svg.append(svgEl('rect', { x: LEFT, y: 6, width: 16, height: 12, class: 'bar-outline' }));
  svg.append(svgEl('text', { x: LEFT + 22, y: 16 }, 'Underserved respondents (dotted bars)'));
  svg.append(svgEl('line', { x1: LEFT + 270, x2: LEFT + 300, y1: 12, y2: 12, class: 'target' }));
  svg.append(
    svgEl('text', { x: LEFT + 306, y: 16 }, `Previous year's count +${TARGET_PERCENT}% (dashed, a guide only)`),
  );
}
