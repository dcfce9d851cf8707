import { chartFrame, numbersTable, patternDef, svgEl } from './svg.js';

/**
 * Horizontal bars. items: [{ label, value: number|null, text }]; value null means suppressed. csv is the
 * download's { head, rows } of raw values.
 */
export function barChart(id, title, items, unit, patternKind, csv) {
  const rowH = 24;
  // Wide enough for the longest label in 12 px type, so a plain-words label is not cut at the left edge.
  const labelW = Math.min(360, Math.max(170, 12 + 6.6 * Math.max(0, ...items.map((i) => i.label.length))));
  const barW = 420;
  const height = Math.max(1, items.length) * rowH + 8;
  const { figure, svg } = chartFrame(id, title, labelW + barW + 110, height);
  const defs = svgEl('defs');
  defs.append(patternDef(`${id}-pattern`, patternKind));
  svg.append(defs);
  const max = Math.max(1, ...items.map((i) => i.value ?? 0));
  items.forEach((item, n) => {
    const y = n * rowH + 4;
    svg.append(svgEl('text', { x: labelW - 6, y: y + 15, 'text-anchor': 'end' }, item.label));
    if (item.value !== null) {
      const w = Math.max(1, (item.value / max) * barW);
      const bar = { x: labelW, y, width: w, height: rowH - 6 };
      svg.append(svgEl('rect', { ...bar, fill: `url(#${id}-pattern)`, class: 'bar', 'data-value': item.value }));
      svg.append(svgEl('rect', { ...bar, class: 'bar-outline' }));
      svg.append(svgEl('text', { x: labelW + w + 6, y: y + 15 }, item.text));
    } else {
      svg.append(svgEl('text', { x: labelW + 6, y: y + 15, 'font-style': 'italic' }, item.text));
    }
  });
  figure.append(
    numbersTable(
      id,
      title,
      ['Item', unit],
      items.map((i) => [i.label, i.text]),
      csv,
    ),
  );
  return figure;
}
