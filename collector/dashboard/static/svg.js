// DOM helpers for the dashboard: every text goes in through textContent, never innerHTML.
import { csvButton } from './csv-download.js';
import { formatNumber, formatPercent, withN } from './format.js';
import { withheldReason } from './labels.js';

const SVG = 'http://www.w3.org/2000/svg';

export function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function svgEl(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

// Bars are told apart by pattern and by their printed value, never by colour alone.
export function patternDef(id, kind, ink = '#0b3d91') {
  const p = svgEl('pattern', { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse' });
  p.append(svgEl('rect', { width: 8, height: 8, fill: '#dbe6f6' }));
  if (kind === 'hatch')
    p.append(svgEl('path', { d: 'M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4', stroke: ink, 'stroke-width': 2 }));
  if (kind === 'dots') p.append(svgEl('circle', { cx: 4, cy: 4, r: 2, fill: ink }));
  if (kind === 'cross') p.append(svgEl('path', { d: 'M0,4 h8 M4,0 v8', stroke: ink, 'stroke-width': 1.5 }));
  if (kind === 'solid') p.firstChild.setAttribute('fill', ink);
  return p;
}

/**
 * A figure with its caption and an SVG of the given size. The SVG points at its numbers with aria-details,
 * not aria-describedby: Chromium reduces a described-by table to its caption, and to nothing while the
 * disclosure is closed, whereas aria-details keeps the table's structure and works closed
 * (https://www.w3.org/TR/wai-aria-1.2/#aria-details).
 */
export function chartFrame(id, title, width, height) {
  const figure = el('figure', { 'aria-labelledby': `${id}-title`, 'data-chart': id });
  figure.append(el('figcaption', { id: `${id}-title` }, title));
  const svg = svgEl('svg', {
    viewBox: `0 0 ${width} ${height}`,
    role: 'img',
    'aria-labelledby': `${id}-title`,
    'aria-details': `${id}-numbers`,
  });
  figure.append(svg);
  return { figure, svg };
}

/**
 * The chart's numbers as a table under a native disclosure, closed until asked for (the printed values are
 * too small to read on a phone), and a button that downloads them as CSV. head is the column titles, rows start
 * with their row header; csv ({ head, rows } of raw values) is what the download holds.
 */
export function numbersTable(id, title, head, rows, csv) {
  const details = el('details', { id: `${id}-numbers`, class: 'numbers' });
  // The hidden rest of the name tells the summaries apart in a screen reader's list of controls;
  // the name still starts with the visible words, so voice control finds it (WCAG 2.5.3).
  const summary = el('summary', {}, 'Show the numbers');
  summary.append(el('span', { class: 'sr-only' }, `: ${title}`));
  // Focusable and named, so a keyboard can scroll a table wider than the screen (WCAG 2.1.1, axe scrollable-region-focusable).
  const scroller = el('div', {
    class: 'table-scroll',
    role: 'region',
    tabindex: '0',
    'aria-labelledby': `${id}-caption`,
  });
  const table = el('table', { id: `${id}-table` });
  // The caption names the table and its scroller for screen readers; on screen, the figure's caption just
  // above already says it, and a caption as wide as the table would be cut off on a phone.
  table.append(el('caption', { id: `${id}-caption`, class: 'sr-only' }, `${title} (numbers)`));
  const tr = el('tr');
  for (const h of head) tr.append(el('th', { scope: 'col' }, h));
  table.append(tr);
  for (const [first, ...cells] of rows) {
    const row = el('tr');
    row.append(el('th', { scope: 'row' }, first));
    for (const c of cells) row.append(el('td', { class: 'num' }, c));
    table.append(row);
  }
  scroller.append(table);
  details.append(summary, scroller);
  const actions = el('div', { class: 'chart-actions' });
  actions.append(csvButton(id, title, csv ?? { head, rows }));
  const out = document.createDocumentFragment();
  out.append(details, actions);
  return out;
}

/** A published count in words: the number in the reader's locale, or why it is withheld. */
export const countText = (cell, rules) =>
  cell.count === null ? withheldReason(cell.suppressed, rules) : formatNumber(cell.count);

/** A share with its base: "58% (n = 1,240)", or why it is not shown. */
export function shareText(cell, base, rules) {
  if (cell.percent !== null && cell.percent !== undefined) return withN(formatPercent(cell.percent), base?.count);
  if (cell.count === null) return `not shown: the count is ${withheldReason(cell.suppressed, rules)}`;
  if (base?.count === null) return 'not shown: the number of responses is withheld';
  return `not shown: fewer than ${rules?.minPercentBase ?? 'the minimum'} responses`;
}

/** The reason a count is withheld, for a CSV's "withheld because" column; empty when it is shown. */
export const withheldCsv = (cell, rules) => (cell.count === null ? withheldReason(cell.suppressed, rules) : '');
