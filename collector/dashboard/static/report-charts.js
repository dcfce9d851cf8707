// The report's charts, each a pure function of GET /v1/report answers: the figure with its bars, its numbers
// table, its CSV and a note saying which of the page's filters it follows.
import { barChart } from './bar-chart.js';
import { deliveryChart } from './delivery-chart.js';
import { formatNumber, formatPeriod } from './format.js';
import { countryName, measureLabel } from './labels.js';
import { countText, el, shareText, withheldCsv } from './svg.js';
import { targetChart } from './target-chart.js';

export const RECENT_DAYS = 30;

const countItems = (labels, cells, rules) =>
  labels.map((label, i) => ({ label, value: cells[i].count, text: countText(cells[i], rules) }));
const shareItems = (labels, cells, bases, rules) =>
  labels.map((label, i) => ({ label, value: cells[i].percent ?? null, text: shareText(cells[i], bases[i], rules) }));

const countCsv = (what, keys, cells, rules) => ({
  head: [what, 'count', 'withheld_because'],
  rows: keys.map((k, i) => [k, cells[i].count, withheldCsv(cells[i], rules)]),
});
const shareCsv = (what, keys, cells, bases, rules) => ({
  head: [what, 'count', 'withheld_because', 'responses', 'percent'],
  rows: keys.map((k, i) => [k, cells[i].count, withheldCsv(cells[i], rules), bases[i].count, cells[i].percent ?? null]),
});

/** The figures drawn from the report, in page order; filtersText says which filters they follow. */
export function reportCharts({ byMonth, byYear, byCountry, delivery, impact }, filtersText) {
  const rules = byMonth.rules;
  const months = byMonth.periods.map(formatPeriod);
  const years = byYear.periods;
  const flags = byMonth.measures.filter((m) => m !== 'responses' && m !== 'career_outcome');
  const t = (report, m) => report.tables[m];
  const figures = [
    barChart(
      'responses',
      'Responses per month',
      countItems(months, t(byMonth, 'responses').colTotals, rules),
      'Responses',
      'solid',
      countCsv('month', byMonth.periods, t(byMonth, 'responses').colTotals, rules),
    ),
    barChart(
      'outcomes',
      'Career outcomes per month',
      countItems(months, t(byMonth, 'career_outcome').colTotals, rules),
      'Career outcomes',
      'hatch',
      countCsv('month', byMonth.periods, t(byMonth, 'career_outcome').colTotals, rules),
    ),
    barChart(
      'outcome-rate',
      'Career-outcome rate per year: responses reporting a career outcome credited to the training, of all responses',
      shareItems(years, t(byYear, 'career_outcome').colTotals, t(byYear, 'responses').colTotals, rules),
      'Career-outcome rate (n = responses)',
      'hatch',
      shareCsv('year', years, t(byYear, 'career_outcome').colTotals, t(byYear, 'responses').colTotals, rules),
    ),
    targetChart(
      'target',
      'Underserved learners by year: respondents, their share of responses, and the change on the previous year',
      byYear,
      impact,
    ),
    barChart(
      'categories',
      'Underserved share by group (% of all responses)',
      shareItems(
        flags.map(measureLabel),
        flags.map((f) => t(byMonth, f).total),
        flags.map(() => t(byMonth, 'responses').total),
        rules,
      ),
      'Share (n = responses)',
      'dots',
      shareCsv(
        'group',
        flags.map(measureLabel),
        flags.map((f) => t(byMonth, f).total),
        flags.map(() => t(byMonth, 'responses').total),
        rules,
      ),
    ),
    barChart(
      'countries',
      'Underserved share by country (% of responses, any group)',
      shareItems(
        byCountry.rows.map(countryName),
        t(byCountry, 'any_underserved').rowTotals,
        t(byCountry, 'responses').rowTotals,
        rules,
      ),
      'Share (n = responses)',
      'cross',
      shareCsv(
        'country',
        byCountry.rows,
        t(byCountry, 'any_underserved').rowTotals,
        t(byCountry, 'responses').rowTotals,
        rules,
      ),
    ),
  ];
  for (const f of figures) f.append(el('p', { class: 'chart-note', 'data-filters': '' }, filtersText));
  const health = deliveryChart(
    'delivery',
    `Delivery health: items received and rejected per day, last ${RECENT_DAYS} days`,
    delivery,
    RECENT_DAYS,
  );
  health.append(
    el(
      'p',
      { class: 'chart-note', 'data-filters': '' },
      'The filters do not apply to this chart: it counts every item the collector received for the survey, and a rejected item is counted by its reason alone (nothing else of it is kept, so it has no country, course, path, version or date to filter on).',
    ),
  );
  figures.push(health);
  return figures;
}

/** The report's rules in plain words, with their numbers, in place of the answer's notes (which name its fields). */
export function reportNotes(rules) {
  return [
    `Counts are rounded to the nearest multiple of ${formatNumber(rules.roundTo)}; totals are rounded from exact sums, so rounded figures need not add up.`,
    `A count of fewer than ${formatNumber(rules.minCell)} people is withheld, and so is any figure from which a withheld one could be worked out.`,
    `Percentages are of all responses in the same group, computed from the rounded counts, and shown only when at least ${formatNumber(rules.minPercentBase)} responses are behind them (n). A learner counts in a group only when they said so: an unknown answer is never counted as “no”.`,
    'Date filters take whole months, so two views can never differ by a single day.',
  ];
}
