// Numbers and dates in the reader's locale (navigator.language), so "1,240" reads "1 240" to a French reader.
// Periods from the report are UTC months and years: formatted in UTC, or a month could slip to the one before.

const lang = () => navigator.language || 'en';

export const formatNumber = (n) => new Intl.NumberFormat(lang()).format(n);

/** A whole-number percentage (58) as the locale writes it: "58%" in English, "58 %" in French. */
export const formatPercent = (percent, digits = 0) =>
  new Intl.NumberFormat(lang(), {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(percent / 100);

/** A share with the count it is a share of: "58% (n = 1,240)". */
export const withN = (percentText, n) =>
  n === null || n === undefined ? percentText : `${percentText} (n = ${formatNumber(n)})`;

/** A change in percentage points, signed: "+3 points", "−2 points". */
export const formatPoints = (points) =>
  `${new Intl.NumberFormat(lang(), { signDisplay: 'exceptZero', maximumFractionDigits: 1 }).format(points)} points`;

/** A relative change in percent, signed: "+41%". */
export const formatChange = (percent) =>
  new Intl.NumberFormat(lang(), { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 0 }).format(
    percent / 100,
  );

const utc = (period) => {
  const [y, m = 1, d = 1] = period.split('-').map(Number);
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date;
};

/** A report period, "2026" or "2026-03", as the locale names it ("March 2026", "mars 2026"). */
export function formatPeriod(period) {
  if (period === 'all') return 'All periods';
  if (/^\d{4}$/.test(period)) return period;
  return new Intl.DateTimeFormat(lang(), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(utc(period));
}

/** A UTC day "2025-11-20" as the locale writes it ("Nov 20, 2025", "20 nov. 2025"). */
export const formatDay = (day) =>
  new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeZone: 'UTC' }).format(utc(day));

/** A short day for an axis ("11/20", "20/11"). */
export const formatShortDay = (day) =>
  new Intl.DateTimeFormat(lang(), { day: 'numeric', month: 'numeric', timeZone: 'UTC' }).format(utc(day));

/** An instant such as generatedAt, in the reader's own time zone. */
export const formatInstant = (iso) =>
  new Intl.DateTimeFormat(lang(), { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
