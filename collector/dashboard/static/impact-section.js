// The "Impact figures by group" section: GET /v1/impact's byGroup and underserved (protocol/impact.ts) as tables,
// for one year and the page's country, course and path filters. Its answer also gives the target chart its status.
import { csvButton } from './csv-download.js';
import { formatNumber, formatPercent, withN } from './format.js';
import { getJson } from './get-json.js';
import { measureLabel, STATUS_LABELS, smallBase, withheldReason } from './labels.js';
import { el } from './svg.js';

const $ = (id) => document.getElementById(id);
/** The impact report's filters are the roster's columns: the survey version and the months have no meaning there. */
const FOLLOWS = ['country', 'course_id', 'path_id'];

let page = { status: () => {}, error: () => {} };
let shown = null;
let latest = 0;

/** Listens to the section's year selector; called once by the entry file. */
export function startImpact(report) {
  page = report;
  $('impact-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!shown) return;
    const ticket = ++latest;
    load(ticket)
      .then((impact) => {
        if (ticket === latest && impact) page.status(`Impact figures for ${impact.survey}, ${impact.year}.`);
      })
      .catch(() => {});
  });
}

/**
 * Fills the years from the report and shows the figures of the chosen one (the latest by default). Resolves to the
 * answer, or null when the collector could not give it: the rest of the page is drawn either way.
 */
export async function openImpact(token, survey, years, filters) {
  const ticket = ++latest;
  const select = $('impact-year');
  const chosen = select.value;
  const list = years.filter((y) => /^\d{4}$/.test(y)).reverse();
  select.replaceChildren(...list.map((y) => el('option', { value: y }, y)));
  if (list.length === 0) {
    closeImpact();
    return null;
  }
  select.value = list.includes(chosen) ? chosen : list[0];
  shown = { token, survey, filters: new URLSearchParams([...filters].filter(([k]) => FOLLOWS.includes(k))) };
  const ignored = [...filters.keys()].filter((k) => !FOLLOWS.includes(k));
  $('impact-filters').textContent = ignored.length
    ? 'These figures follow the country, course and path filters only: the survey version and the months do not apply, since they cover one calendar year of the roster and every version of the survey.'
    : 'These figures follow the country, course and path filters; they cover one calendar year of the roster and every version of the survey.';
  $('impact').hidden = false;
  return load(ticket);
}

/** Hides the section and its figures, as a wrong or forgotten token does. */
export function closeImpact() {
  latest++;
  shown = null;
  $('impact').hidden = true;
  $('impact-figures').replaceChildren();
}

async function load(ticket) {
  const q = new URLSearchParams({ survey: shown.survey, year: $('impact-year').value });
  for (const [k, v] of shown.filters) q.set(k, v);
  try {
    const impact = await getJson(`/v1/impact?${q}`, shown.token);
    if (ticket !== latest) return null;
    $('impact-figures').replaceChildren(...impactFigures(impact));
    return impact;
  } catch (err) {
    if (ticket !== latest) return null;
    $('impact-figures').replaceChildren(
      el('p', { class: 'error', 'data-impact-error': '' }, `The impact figures could not be shown: ${err.message}`),
    );
    return null;
  }
}

function impactFigures(impact) {
  const rules = impact.rules;
  const groups = impact.byGroup.map((g) => [
    measureLabel(g.group),
    rateText(g.whenTrue, rules),
    rateText(g.whenFalse, rules),
    countText(g.unknown, rules),
  ]);
  const groupsCsv = {
    head: [
      'group',
      'in_group_outcomes',
      'in_group_known',
      'in_group_rate',
      'in_group_low',
      'in_group_high',
      'not_in_group_outcomes',
      'not_in_group_known',
      'not_in_group_rate',
      'not_in_group_low',
      'not_in_group_high',
      'group_unknown',
    ],
    rows: impact.byGroup.map((g) => [
      measureLabel(g.group),
      ...rateCsv(g.whenTrue),
      ...rateCsv(g.whenFalse),
      g.unknown.count,
    ]),
  };
  const underserved = impact.underserved.map((u) => [
    measureLabel(u.group),
    rateText(u.share, rules),
    estimateText(u.estimatedInCohort),
    u.previous ? estimateText(u.previous.estimatedInCohort) : 'no figure for the year before',
    u.change === null ? 'not known' : formatPercentSigned(u.change),
    STATUS_LABELS[u.status] ?? STATUS_LABELS.undetermined,
    u.statusReason,
  ]);
  const underservedCsv = {
    head: [
      'group',
      'share',
      'share_low',
      'share_high',
      'respondents_known',
      'estimated_in_cohort',
      'estimated_low',
      'estimated_high',
      'previous_estimated',
      'change',
      'target_status',
      'reason',
    ],
    rows: impact.underserved.map((u) => [
      measureLabel(u.group),
      u.share.estimate,
      u.share.ci95?.[0] ?? null,
      u.share.ci95?.[1] ?? null,
      u.share.denominator,
      u.estimatedInCohort?.estimate ?? null,
      u.estimatedInCohort?.ci95[0] ?? null,
      u.estimatedInCohort?.ci95[1] ?? null,
      u.previous?.estimatedInCohort?.estimate ?? null,
      u.change,
      STATUS_LABELS[u.status] ?? STATUS_LABELS.undetermined,
      u.statusReason,
    ]),
  };
  return [
    dataTable(
      'impact-groups',
      `What happens to underserved learners, ${impact.year}: career-outcome rate in and out of each group`,
      ['Group', 'In the group', 'Not in the group', 'Group not known (people)'],
      groups,
      groupsCsv,
    ),
    dataTable(
      'impact-underserved',
      `Underserved learners, ${impact.year}: share of respondents, estimated number in the cohort, and the +20% target`,
      ['Group', 'Share of respondents', 'Estimated in the cohort', 'The year before', 'Change', 'Target', 'Why'],
      underserved,
      underservedCsv,
    ),
    el(
      'p',
      { class: 'note' },
      'A rate is shown with its 95% interval (Wilson) and n, the people it is out of. The target is met only when the lowest likely number this year is at least 20% above the highest likely number the year before; when the intervals overlap it cannot be told yet.',
    ),
  ];
}

/** A table shown open, in a scroller a keyboard can reach, with its CSV button. */
function dataTable(id, caption, head, rows, csv) {
  const box = el('div', { class: 'impact-table', 'data-table': id });
  const scroller = el('div', {
    class: 'table-scroll',
    role: 'region',
    tabindex: '0',
    'aria-labelledby': `${id}-caption`,
  });
  const table = el('table', { id });
  table.append(el('caption', { id: `${id}-caption` }, caption));
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
  const actions = el('div', { class: 'chart-actions' });
  actions.append(csvButton(id, caption, csv));
  box.append(scroller, actions);
  return box;
}

const pct = (p) => formatPercent(p * 100, 1);
const formatPercentSigned = (p) =>
  new Intl.NumberFormat(navigator.language || 'en', {
    style: 'percent',
    signDisplay: 'exceptZero',
    maximumFractionDigits: 1,
  }).format(p);

/** "41.2% (95% interval 37.0%–45.5%) (n = 520)", or why it is not shown. */
function rateText(cell, rules) {
  if (cell.estimate !== null && cell.ci95) {
    return withN(`${pct(cell.estimate)} (95% interval ${pct(cell.ci95[0])}–${pct(cell.ci95[1])})`, cell.denominator);
  }
  const s = cell.suppressed ?? {};
  if (s.numerator) return `not shown: the count is ${withheldReason(s.numerator, rules)}`;
  if (s.denominator) return `not shown: the number of people is ${withheldReason(s.denominator, rules)}`;
  return smallBase(rules);
}

const countText = (c, rules) => (c.count === null ? withheldReason(c.suppressed, rules) : formatNumber(c.count));
const rateCsv = (cell) => [
  cell.numerator,
  cell.denominator,
  cell.estimate,
  cell.ci95?.[0] ?? null,
  cell.ci95?.[1] ?? null,
];

function estimateText(e) {
  if (!e) return 'not known: no roster for the year';
  return `${formatNumber(e.estimate)} (95% interval ${formatNumber(e.ci95[0])}–${formatNumber(e.ci95[1])})`;
}
