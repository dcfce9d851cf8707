// The filters every report chart follows: country, course, path, survey version and a range of whole months,
// sent to GET /v1/report as country, course_id, path_id, version, from and to (whole months, as it takes them).
import { formatPeriod } from './format.js';
import { countryName } from './labels.js';
import { el } from './svg.js';

const $ = (id) => document.getElementById(id);
const FIELDS = [
  ['f-country', 'country'],
  ['f-course', 'course_id'],
  ['f-path', 'path_id'],
  ['f-version', 'version'],
  ['f-from', 'from'],
  ['f-to', 'to'],
];

/** The filters as query parameters; only those given. */
export function filterParams() {
  const q = new URLSearchParams();
  for (const [id, name] of FIELDS) {
    const value = $(id).value.trim();
    if (value) q.set(name, value);
  }
  return q;
}

/** The filters in words, for the note under each chart. */
export function filtersText(q) {
  const parts = [];
  if (q.get('country')) parts.push(`country ${countryName(q.get('country'))}`);
  if (q.get('course_id')) parts.push(`course “${q.get('course_id')}”`);
  if (q.get('path_id')) parts.push(`path “${q.get('path_id')}”`);
  if (q.get('version')) parts.push(`survey version ${q.get('version')}`);
  const from = q.get('from');
  const to = q.get('to');
  if (from && to) parts.push(`${formatPeriod(from)} to ${formatPeriod(to)}`);
  else if (from) parts.push(`from ${formatPeriod(from)}`);
  else if (to) parts.push(`up to ${formatPeriod(to)}`);
  return parts.length ? `Filtered to ${parts.join(', ')}.` : 'No filter: every response of the survey.';
}

/** Adds the countries a report listed to the country selector, keeping the choice and those listed before. */
export function offerCountries(codes) {
  const select = $('f-country');
  const known = new Set([...select.options].map((o) => o.value).filter(Boolean));
  for (const c of codes) if (/^[A-Z]{2}$/.test(c)) known.add(c);
  const chosen = select.value;
  const sorted = [...known].sort((a, b) => countryName(a).localeCompare(countryName(b)));
  select.replaceChildren(
    el('option', { value: '' }, 'Every country'),
    ...sorted.map((c) => el('option', { value: c }, countryName(c))),
  );
  select.value = chosen;
}

/** Empties every filter. */
export function clearFilters() {
  for (const [id] of FIELDS) $(id).value = '';
}
