// The "Response rates" section: a cohort's dispositions, RR1 and RR2 and its funnel for the survey signed in with.
import { funnelChart } from './funnel-chart.js';
import { getJson } from './get-json.js';
import { countryName } from './labels.js';
import {
  countFigure,
  DISPOSITIONS,
  eligible,
  funnelSteps,
  HEADLINE_RATES,
  rateFigure,
  SPLITS,
  WAVES,
} from './rates-text.js';
import { el } from './svg.js';

const groupName = (by, value) => (value === null ? '(not given)' : by === 'country' ? countryName(value) : value);

const $ = (id) => document.getElementById(id);
const IMPORT_COMMAND = 'npm run cohort -- import --cohort ID FILE.csv';

/** What the section reports through the page's one status and one alert region. */
let page = { status: () => {}, error: () => {} };
let signedIn = null;
/** The disclosure rules, as the report gives them, to say what a withheld figure's limit is. */
let rules = null;
// Each request takes a number; an answer to any but the latest (an earlier cohort, token or sign-in) is dropped,
// so a slow answer can never replace the one the researcher asked for last.
let latest = 0;

const options = (select, pairs) =>
  select.replaceChildren(...pairs.map(([value, label]) => el('option', { value }, label)));

/** Fills the fixed selectors and listens to the section's form; called once by the entry file. */
export function startRates(report) {
  page = report;
  options($('rates-wave'), WAVES);
  options($('rates-by'), SPLITS);
  $('rates-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const ticket = ++latest;
    showRates(ticket).catch((err) => {
      if (ticket !== latest) return;
      page.status('');
      failed(err);
    });
  });
}

/** After sign-in: lists the cohorts for the selector, or says how to import the first one. */
export async function openRates(token, survey, reportRules) {
  const ticket = ++latest;
  signedIn = { token, survey };
  rules = reportRules;
  $('rates-survey').textContent = survey;
  $('rates-figures').replaceChildren();
  const { cohorts } = await getJson('/v1/cohorts', token).catch((err) => {
    if (ticket === latest) failed(err);
    return { cohorts: null };
  });
  if (cohorts === null || ticket !== latest) return;
  $('rates').hidden = false;
  $('rates-form').hidden = cohorts.length === 0;
  if (cohorts.length === 0) {
    const hint = el(
      'p',
      { id: 'rates-no-cohort' },
      'No cohort has been imported yet, so there is no roster to count against. Import the school’s list of learners with ',
    );
    hint.append(el('code', {}, IMPORT_COMMAND), ' (or PUT /v1/cohorts/ID), then show the figures again.');
    $('rates-figures').append(hint);
    return;
  }
  options(
    $('rates-cohort'),
    cohorts.map((c) => [c.id, `${c.id} (${c.members} member${c.members === 1 ? '' : 's'})`]),
  );
}

/** Hides the section and everything drawn in it, as a wrong or forgotten token does. */
export function closeRates() {
  latest++;
  signedIn = null;
  $('rates').hidden = true;
  $('rates-cohort').replaceChildren();
  $('rates-figures').replaceChildren();
}

function failed(err) {
  // A refused token reads nothing: no figure from before stays up. Anything else keeps the selectors to try again.
  if (err.status === 401) closeRates();
  else $('rates-figures').replaceChildren();
  page.error(err.message);
}

async function showRates(ticket) {
  if (!signedIn) return;
  page.error('');
  page.status('Loading response rates…');
  const q = new URLSearchParams({
    survey: signedIn.survey,
    cohort: $('rates-cohort').value,
    wave: $('rates-wave').value,
  });
  if ($('rates-by').value) q.set('by', $('rates-by').value);
  const rates = await getJson(`/v1/response-rates?${q}`, signedIn.token);
  if (ticket !== latest) return;
  $('rates-figures').replaceChildren(...ratesFigures(rates, q.get('by')));
  page.status(`Response rates for ${rates.survey}, cohort ${rates.cohort}, wave ${rates.wave}.`);
}

function ratesFigures(r, by) {
  const out = [headline(r), dispositionsTable(r)];
  if (r.groups.length > 0) out.push(groupsTable(r, by));
  out.push(
    funnelChart(
      'funnel',
      `Funnel for cohort ${r.cohort}, wave ${r.wave}: shown, started, each question answered, completed`,
      funnelSteps(r.funnel, r.suppressed, rules),
    ),
  );
  return out;
}

function headline(r) {
  const dl = el('dl', { class: 'rates-headline' });
  const item = (term, figure, key, meaning) => {
    const div = el('div');
    div.append(el('dt', {}, term), el('dd', { class: 'figure', 'data-figure': key }, figure));
    if (meaning) div.append(el('dd', { class: 'meaning' }, meaning));
    dl.append(div);
  };
  item(
    'Population',
    countFigure(r.population, r.suppressed, 'population', rules),
    'population',
    'Members of the roster.',
  );
  const n = eligible(r.population, r.dispositions);
  for (const [name, meaning] of HEADLINE_RATES)
    item(name, rateFigure(r.rates[name], r.suppressed, name, rules, n), name, meaning);
  return dl;
}

function dispositionsTable(r) {
  const table = el('table', { id: 'rates-dispositions' });
  table.append(el('caption', {}, 'Final dispositions'));
  const head = el('tr');
  head.append(el('th', { scope: 'col' }, 'Disposition'), el('th', { scope: 'col' }, 'Members'));
  table.append(head);
  for (const [code, label] of DISPOSITIONS) {
    const tr = el('tr', { 'data-code': code });
    tr.append(
      el('th', { scope: 'row' }, label),
      el('td', { class: 'num' }, countFigure(r.dispositions[code], r.suppressed, code, rules)),
    );
    table.append(tr);
  }
  const box = el('div', { class: 'dispositions' });
  const note = 'One disposition per roster member; learners not on the roster are counted apart and enter no rate.';
  box.append(table, el('p', { class: 'note' }, note));
  return box;
}

function groupsTable(r, by) {
  const scroller = el('div', {
    class: 'table-scroll',
    role: 'region',
    tabindex: '0',
    'aria-labelledby': 'rates-groups-caption',
  });
  const table = el('table', { id: 'rates-groups' });
  table.append(el('caption', { id: 'rates-groups-caption' }, 'The same by group'));
  const codes = DISPOSITIONS.filter(([code]) => code !== 'outside_roster');
  const head = el('tr');
  for (const h of ['Group', 'Population', ...codes.map(([, label]) => label), ...HEADLINE_RATES.map(([name]) => name)])
    head.append(el('th', { scope: 'col' }, h));
  table.append(head);
  for (const g of r.groups) {
    const tr = el('tr');
    tr.append(el('th', { scope: 'row' }, groupName(by, g.value)));
    const n = eligible(g.population, g.dispositions);
    const cells = [
      countFigure(g.population, g.suppressed, 'population', rules),
      ...codes.map(([code]) => countFigure(g.dispositions[code], g.suppressed, code, rules)),
      ...HEADLINE_RATES.map(([name]) => rateFigure(g.rates[name], g.suppressed, name, rules, n)),
    ];
    for (const c of cells) tr.append(el('td', { class: 'num' }, c));
    table.append(tr);
  }
  scroller.append(table);
  return scroller;
}
