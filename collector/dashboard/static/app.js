// Researcher dashboard: vanilla script, no framework, no innerHTML: every text goes in through textContent.
const SVG = 'http://www.w3.org/2000/svg';
const TOKEN_KEY = 'outcome-survey-export-token';
const PATTERNS = ['hatch', 'dots', 'cross', 'solid'];
const RECENT_DAYS = 30;

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function svgEl(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

// Bars are told apart by pattern and by their printed value, never by colour alone.
function patternDef(id, kind) {
  const p = svgEl('pattern', { id, width: 8, height: 8, patternUnits: 'userSpaceOnUse' });
  p.append(svgEl('rect', { width: 8, height: 8, fill: '#dbe6f6' }));
  if (kind === 'hatch')
    p.append(svgEl('path', { d: 'M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4', stroke: '#0b3d91', 'stroke-width': 2 }));
  if (kind === 'dots') p.append(svgEl('circle', { cx: 4, cy: 4, r: 2, fill: '#0b3d91' }));
  if (kind === 'cross') p.append(svgEl('path', { d: 'M0,4 h8 M4,0 v8', stroke: '#0b3d91', 'stroke-width': 1.5 }));
  if (kind === 'solid') p.firstChild.setAttribute('fill', '#0b3d91');
  return p;
}

/** items: [{ label, value: number|null, text }] — value null means suppressed. */
function barChart(id, title, items, unit, patternKind) {
  const figure = el('figure', { 'aria-labelledby': `${id}-title`, 'data-chart': id });
  figure.append(el('figcaption', { id: `${id}-title` }, title));
  const rowH = 24;
  const labelW = 170;
  const barW = 420;
  const height = Math.max(1, items.length) * rowH + 8;
  const svg = svgEl('svg', {
    viewBox: `0 0 ${labelW + barW + 110} ${height}`,
    role: 'img',
    'aria-labelledby': `${id}-title`,
    'aria-describedby': `${id}-table`,
  });
  const defs = svgEl('defs');
  defs.append(patternDef(`${id}-pattern`, patternKind));
  svg.append(defs);
  const max = Math.max(1, ...items.map((i) => i.value ?? 0));
  items.forEach((item, n) => {
    const y = n * rowH + 4;
    svg.append(svgEl('text', { x: labelW - 6, y: y + 15, 'text-anchor': 'end' }, item.label));
    if (item.value !== null) {
      const w = Math.max(1, (item.value / max) * barW);
      svg.append(
        svgEl('rect', {
          x: labelW,
          y,
          width: w,
          height: rowH - 6,
          fill: `url(#${id}-pattern)`,
          class: 'bar',
          'data-value': item.value,
        }),
      );
      svg.append(svgEl('rect', { x: labelW, y, width: w, height: rowH - 6, class: 'bar-outline' }));
      svg.append(svgEl('text', { x: labelW + w + 6, y: y + 15 }, item.text));
    } else {
      svg.append(svgEl('text', { x: labelW + 6, y: y + 15, 'font-style': 'italic' }, item.text));
    }
  });
  figure.append(svg);
  const table = el('table', { id: `${id}-table`, class: 'sr-only' });
  table.append(el('caption', {}, `${title} (numbers)`));
  const head = el('tr');
  head.append(el('th', { scope: 'col' }, 'Item'), el('th', { scope: 'col' }, unit));
  table.append(head);
  for (const item of items) {
    const tr = el('tr');
    tr.append(el('th', { scope: 'row' }, item.label), el('td', { class: 'num' }, item.text));
    table.append(tr);
  }
  figure.append(table);
  return figure;
}

const countText = (cell) => (cell.count === null ? `suppressed (${cell.suppressed})` : String(cell.count));
const percentText = (cell) =>
  cell.percent === null || cell.percent === undefined ? 'not shown (small base or suppressed)' : `${cell.percent}%`;
const countItems = (labels, cells) =>
  labels.map((label, i) => ({ label, value: cells[i].count, text: countText(cells[i]) }));
const percentItems = (labels, cells) =>
  labels.map((label, i) => ({ label, value: cells[i].percent ?? null, text: percentText(cells[i]) }));

async function getJson(path, token) {
  const res = await fetch(path, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(`${path.split('?')[0]}: ${res.status} ${body.error ?? res.statusText}`);
  return body;
}

async function show(token, survey) {
  $('error').textContent = '';
  $('status').textContent = 'Loading…';
  const q = `survey=${encodeURIComponent(survey)}`;
  const [byMonth, byCountry, delivery] = await Promise.all([
    getJson(`/v1/report?${q}&by=month`, token),
    getJson(`/v1/report?${q}&by=country`, token),
    getJson(`/v1/report/delivery?${q}`, token),
  ]);
  const flags = byMonth.measures.filter((m) => m !== 'responses' && m !== 'career_outcome');
  const charts = $('charts');
  charts.replaceChildren(
    barChart(
      'responses',
      'Responses per month',
      countItems(byMonth.periods, byMonth.tables.responses.colTotals),
      'Responses',
      PATTERNS[3],
    ),
    barChart(
      'outcomes',
      'Career outcomes per month',
      countItems(byMonth.periods, byMonth.tables.career_outcome.colTotals),
      'Career outcomes',
      PATTERNS[0],
    ),
    barChart(
      'categories',
      'Underserved share by category (% of all responses)',
      percentItems(
        flags,
        flags.map((f) => byMonth.tables[f].total),
      ),
      'Share',
      PATTERNS[1],
    ),
    barChart(
      'countries',
      'Underserved share by country (% of responses, any category)',
      percentItems(byCountry.rows, byCountry.tables.any_underserved.rowTotals),
      'Share',
      PATTERNS[2],
    ),
    barChart(
      'received',
      `Responses received per day, last ${RECENT_DAYS} days with responses (delivery health)`,
      countItems(delivery.days.slice(-RECENT_DAYS), delivery.received.slice(-RECENT_DAYS)),
      'Received',
      PATTERNS[3],
    ),
  );
  const notes = el('div', { class: 'note' });
  for (const n of [...delivery.notes, ...byMonth.notes]) notes.append(el('p', {}, n));
  charts.append(notes);
  $('status').textContent = `Figures for ${survey}, generated ${byMonth.generatedAt}.`;
}

function start() {
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) $('token').value = saved;
  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    const survey = $('survey').value.trim();
    sessionStorage.setItem(TOKEN_KEY, token);
    show(token, survey).catch((err) => {
      $('status').textContent = '';
      $('error').textContent = err.message;
    });
  });
  $('forget').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    $('token').value = '';
    $('charts').replaceChildren();
  });
}

start();
