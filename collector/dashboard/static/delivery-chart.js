import { formatDay, formatNumber, formatShortDay } from './format.js';
import { rejectionLabel } from './labels.js';
import { chartFrame, el, numbersTable, patternDef, svgEl } from './svg.js';

const W = 760;
const LEFT = 44;
const TOP = 34;
const PLOT_H = 190;
const H = TOP + PLOT_H + 48;

/** Received and rejected items per day, side by side: received solid, rejected hatched, values printed. */
export function deliveryChart(id, title, delivery, lastDays) {
  const from = Math.max(0, delivery.days.length - lastDays);
  const days = delivery.days.slice(from);
  const received = delivery.received.slice(from);
  const rejected = delivery.rejected.slice(from);
  const reasons = Object.keys(delivery.rejectedByReason);
  const byReason = reasons.map((r) => delivery.rejectedByReason[r].slice(from));

  const { figure, svg } = chartFrame(id, title, W, H);
  const defs = svgEl('defs');
  defs.append(patternDef(`${id}-received`, 'solid'), patternDef(`${id}-rejected`, 'hatch', '#7a1010'));
  svg.append(defs);
  legend(svg, id);

  const max = Math.max(1, ...received, ...rejected);
  const y = (v) => TOP + PLOT_H - (v / max) * PLOT_H;
  for (const v of [0, Math.round(max / 2), max]) {
    svg.append(svgEl('line', { x1: LEFT, x2: W, y1: y(v), y2: y(v), class: v ? 'grid' : 'axis' }));
    svg.append(svgEl('text', { x: LEFT - 4, y: y(v) + 4, 'text-anchor': 'end' }, formatNumber(v)));
  }
  const group = (W - LEFT) / Math.max(1, days.length);
  const barW = Math.min(16, group * 0.4);
  days.forEach((day, i) => {
    const x0 = LEFT + i * group + (group - 2 * barW - 1) / 2;
    bar(svg, `${id}-received`, 'bar bar-received', x0, barW, received[i], y);
    bar(svg, `${id}-rejected`, 'bar bar-rejected', x0 + barW + 1, barW, rejected[i], y);
    const lx = x0 + barW;
    svg.append(
      svgEl(
        'text',
        {
          x: lx,
          y: TOP + PLOT_H + 8,
          transform: `rotate(-90 ${lx} ${TOP + PLOT_H + 8})`,
          'text-anchor': 'end',
          class: 'small',
        },
        formatShortDay(day),
      ),
    );
  });

  const totals = reasons.map((r, k) => `${rejectionLabel(r)} ${formatNumber(byReason[k].reduce((a, b) => a + b, 0))}`);
  figure.append(
    el(
      'p',
      { class: 'chart-note', 'data-rejected-summary': '' },
      totals.length
        ? `Rejected in these days, by reason: ${totals.join(', ')}.`
        : 'No item was rejected in these days.',
    ),
    numbersTable(
      id,
      title,
      ['Day', 'Received', 'Rejected', ...reasons.map((r) => `Rejected: ${rejectionLabel(r)}`)],
      days.map((d, i) => [
        formatDay(d),
        formatNumber(received[i]),
        formatNumber(rejected[i]),
        ...byReason.map((s) => formatNumber(s[i])),
      ]),
      {
        head: ['day', 'received', 'rejected', ...reasons.map((r) => `rejected: ${rejectionLabel(r)}`)],
        rows: days.map((d, i) => [d, received[i], rejected[i], ...byReason.map((s) => s[i])]),
      },
    ),
  );
  return figure;
}

function bar(svg, pattern, cls, x, width, value, y) {
  if (value <= 0) return;
  const box = { x, y: y(value), width, height: Math.max(1, y(0) - y(value)) };
  svg.append(svgEl('rect', { ...box, fill: `url(#${pattern})`, class: cls, 'data-value': value }));
  svg.append(svgEl('rect', { ...box, class: 'bar-outline' }));
  const tx = x + width / 2 + 3;
  const ty = box.y - 3;
  svg.append(
    svgEl('text', { x: tx, y: ty, transform: `rotate(-90 ${tx} ${ty})`, class: 'small' }, formatNumber(value)),
  );
}

function legend(svg, id) {
  const items = [
    ['received', 'Received (solid)'],
    ['rejected', 'Rejected (hatched)'],
  ];
  items.forEach(([key, label], i) => {
    const x = LEFT + i * 180;
    svg.append(
      svgEl('rect', { x, y: 6, width: 16, height: 12, fill: `url(#${id}-${key})`, class: 'bar-outline-fill' }),
    );
    svg.append(svgEl('rect', { x, y: 6, width: 16, height: 12, class: 'bar-outline' }));
    svg.append(svgEl('text', { x: x + 22, y: 16 }, label));
  });
}
