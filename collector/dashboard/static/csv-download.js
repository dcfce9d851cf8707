// A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP): a quote in front
// makes it text. A negative number is a number to a spreadsheet, so the cells we write as numbers keep their sign.
const FORMULA = /^[=+\-@\t\r]/;

/** One CSV cell: numbers as they are, text quoted when needed and defused when it could run as a formula. */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  let text = String(value);
  if (FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180: comma separated, CRLF line ends, a header row first. */
export const csvText = (head, rows) => `${[head, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;

/**
 * A button that saves the chart's numbers as NAME.csv, built in the page from what it drew (a Blob, no request).
 * csv is { head, rows } of raw values: counts as numbers, a withheld count empty with its reason in words beside it.
 */
export function csvButton(id, title, csv) {
  const button = document.createElement('button');
  Object.assign(button, { type: 'button', className: 'csv', textContent: 'Download the numbers (CSV)' });
  button.dataset.csv = id;
  // The hidden rest of the name says which chart, as the "Show the numbers" summaries do.
  const rest = document.createElement('span');
  Object.assign(rest, { className: 'sr-only', textContent: `: ${title}` });
  button.append(rest);
  let url = null;
  button.addEventListener('click', () => {
    // A byte order mark, so Excel reads the accented names of months and countries as UTF-8.
    const blob = new Blob(['\ufeff', csvText(csv.head, csv.rows)], { type: 'text/csv;charset=utf-8' });
    // The browser reads a blob URL after the click returns, so the previous one is let go only now.
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    Object.assign(a, { href: url, download: `${id}.csv` });
    document.body.append(a);
    a.click();
    a.remove();
  });
  return button;
}
