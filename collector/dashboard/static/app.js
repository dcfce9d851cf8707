// Researcher dashboard: vanilla modules, no framework, no innerHTML: every text goes in through textContent.
import { clearFilters, filterParams, filtersText, offerCountries } from './filters.js';
import { formatInstant } from './format.js';
import { getJson } from './get-json.js';
import { closeImpact, openImpact, startImpact } from './impact-section.js';
import { closeRates, openRates, startRates } from './rates-section.js';
import { reportCharts, reportNotes } from './report-charts.js';
import { el } from './svg.js';

const TOKEN_KEY = 'outcome-survey-export-token';

const $ = (id) => document.getElementById(id);
let signedIn = null;
// As in the rates section: an answer to any but the latest request (earlier filters or sign-in) is dropped.
let latest = 0;

async function show(token, survey, ticket) {
  $('error').textContent = '';
  $('status').textContent = 'Loading…';
  const filters = filterParams();
  const q = (by) => {
    const params = new URLSearchParams({ survey, by });
    for (const [k, v] of filters) params.set(k, v);
    return `/v1/report?${params}`;
  };
  const [byMonth, byYear, byCountry, delivery] = await Promise.all([
    getJson(q('month'), token),
    getJson(q('year'), token),
    getJson(q('country'), token),
    getJson(`/v1/report/delivery?survey=${encodeURIComponent(survey)}`, token),
  ]);
  if (ticket !== latest) return null;
  offerCountries(byCountry.rows);
  $('filters').hidden = false;
  const impact = await openImpact(token, survey, byYear.periods, filters);
  if (ticket !== latest) return null;
  const charts = $('charts');
  charts.replaceChildren(...reportCharts({ byMonth, byYear, byCountry, delivery, impact }, filtersText(filters)));
  const notes = el('div', { class: 'note' });
  for (const n of reportNotes(byMonth.rules)) notes.append(el('p', {}, n));
  notes.append(
    el(
      'p',
      {},
      'Delivery health counts responses by the day the collector received them; a rejected item is counted by its reason alone, and nothing else of it is kept.',
    ),
  );
  charts.append(notes);
  $('status').textContent =
    `Figures for ${survey}, generated ${formatInstant(byMonth.generatedAt)}. ${filtersText(filters)}`;
  return byMonth.rules;
}

/** Draws the charts for the signed-in survey and the current filters; at sign-in, opens the rates section after. */
function refresh(atSignIn = false) {
  if (!signedIn) return;
  const ticket = ++latest;
  const { token, survey } = signedIn;
  show(token, survey, ticket)
    .then((rules) => (atSignIn && ticket === latest ? openRates(token, survey, rules) : undefined))
    .catch((err) => {
      if (ticket !== latest) return;
      // Figures drawn for an earlier token, survey or filter must not sit under this error as if they were the answer.
      $('charts').replaceChildren();
      closeImpact();
      $('status').textContent = '';
      $('error').textContent = err.message;
      // A refused sign-in reads nothing; a refused filter keeps the form, to be corrected.
      if (atSignIn || err.status === 401) signOut();
    });
}

function signOut() {
  signedIn = null;
  $('filters').hidden = true;
  $('charts').replaceChildren();
  closeImpact();
  closeRates();
}

function start() {
  const page = {
    status: (text) => {
      $('status').textContent = text;
    },
    error: (text) => {
      $('error').textContent = text;
    },
  };
  startRates(page);
  startImpact(page);
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) $('token').value = saved;
  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    const survey = $('survey').value.trim();
    sessionStorage.setItem(TOKEN_KEY, token);
    signedIn = { token, survey };
    refresh(true);
  });
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    refresh();
  });
  $('f-clear').addEventListener('click', () => {
    clearFilters();
    refresh();
  });
  $('forget').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    $('token').value = '';
    signOut();
  });
}

start();
