// Researcher dashboard: vanilla modules, no framework, no innerHTML: every text goes in through textContent.
import { barChart } from './bar-chart.js';
import { deliveryChart } from './delivery-chart.js';
import { getJson } from './get-json.js';
import { closeRates, openRates, startRates } from './rates-section.js';
import { countText, el, percentText } from './svg.js';
import { targetChart } from './target-chart.js';

const TOKEN_KEY = 'outcome-survey-export-token';
const RECENT_DAYS = 30;

const $ = (id) => document.getElementById(id);

const countItems = (labels, cells) =>
  labels.map((label, i) => ({ label, value: cells[i].count, text: countText(cells[i]) }));
const percentItems = (labels, cells) =>
  labels.map((label, i) => ({ label, value: cells[i].percent ?? null, text: percentText(cells[i]) }));

async function show(token, survey) {
  $('error').textContent = '';
  $('status').textContent = 'Loading…';
  const q = `survey=${encodeURIComponent(survey)}`;
  const [byMonth, byYear, byCountry, delivery] = await Promise.all([
    getJson(`/v1/report?${q}&by=month`, token),
    getJson(`/v1/report?${q}&by=year`, token),
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
      'solid',
    ),
    barChart(
      'outcomes',
      'Career outcomes per month',
      countItems(byMonth.periods, byMonth.tables.career_outcome.colTotals),
      'Career outcomes',
      'hatch',
    ),
    targetChart(
      'target',
      'Underserved learners by year: share of responses, change on the previous year, and the +20% target',
      byYear,
    ),
    barChart(
      'categories',
      'Underserved share by category (% of all responses)',
      percentItems(
        flags,
        flags.map((f) => byMonth.tables[f].total),
      ),
      'Share',
      'dots',
    ),
    barChart(
      'countries',
      'Underserved share by country (% of responses, any category)',
      percentItems(byCountry.rows, byCountry.tables.any_underserved.rowTotals),
      'Share',
      'cross',
    ),
    deliveryChart(
      'delivery',
      `Delivery health: items received and rejected per day, last ${RECENT_DAYS} days`,
      delivery,
      RECENT_DAYS,
    ),
  );
  const notes = el('div', { class: 'note' });
  for (const n of [...delivery.notes, ...byMonth.notes]) notes.append(el('p', {}, n));
  charts.append(notes);
  $('status').textContent = `Figures for ${survey}, generated ${byMonth.generatedAt}.`;
  await openRates(token, survey);
}

function start() {
  startRates({
    status: (text) => {
      $('status').textContent = text;
    },
    error: (text) => {
      $('error').textContent = text;
    },
  });
  const saved = sessionStorage.getItem(TOKEN_KEY);
  if (saved) $('token').value = saved;
  $('login').addEventListener('submit', (event) => {
    event.preventDefault();
    const token = $('token').value.trim();
    const survey = $('survey').value.trim();
    sessionStorage.setItem(TOKEN_KEY, token);
    show(token, survey).catch((err) => {
      // Figures drawn for an earlier token or survey must not sit under this error as if they were the answer.
      $('charts').replaceChildren();
      closeRates();
      $('status').textContent = '';
      $('error').textContent = err.message;
    });
  });
  $('forget').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    $('token').value = '';
    $('charts').replaceChildren();
    closeRates();
  });
}

start();
