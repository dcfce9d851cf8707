import { chartFrame, numbersTable, patternDef, svgEl } from './svg.js';

/**
 * The funnel shown → started → each question answered → completed, as horizontal bars on one scale (the members
 * shown), with its numbers table: each step's members and its drop-off. steps come from rates-text.js funnelSteps.
 */
export function funnelChart(id, title, steps) {
  const rowH = 24;
  const labelW = 170;
  const barW = 420;
  const { figure, svg } = chartFrame(id, title, labelW + barW + 250, steps.length * rowH + 8);
  const defs = svgEl('defs');
  defs.append(patternDef(`${id}-pattern`, 'solid'));
  svg.append(defs);
  const max = Math.max(1, ...steps.map((s) => s.value ?? 0));
  steps.forEach((step, n) => {
    const y = n * rowH + 4;
    svg.append(svgEl('text', { x: labelW - 6, y: y + 15, 'text-anchor': 'end' }, step.label));
    if (step.value === null) {
      svg.append(svgEl('text', { x: labelW + 6, y: y + 15, 'font-style': 'italic' }, step.text));
      return;
    }
    const w = Math.max(1, (step.value / max) * barW);
    const bar = { x: labelW, y, width: w, height: rowH - 6 };
    svg.append(
      svgEl('rect', {
        ...bar,
        fill: `url(#${id}-pattern)`,
        class: 'bar',
        'data-step': step.key,
        'data-value': step.value,
      }),
    );
    svg.append(svgEl('rect', { ...bar, class: 'bar-outline' }));
    svg.append(svgEl('text', { x: labelW + w + 6, y: y + 15 }, step.text));
  });
  const rows = steps.map((s) => [s.label, s.text, s.dropOffText]);
  figure.append(numbersTable(id, title, ['Step', 'Members', 'Drop-off from the step before'], rows));
  return figure;
}
