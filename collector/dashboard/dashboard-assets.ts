import { readFileSync } from 'node:fs';

/** The dashboard's static files: a shell with no data, its script and its stylesheet. */
const FILES = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'svg.js': 'text/javascript; charset=utf-8',
  'bar-chart.js': 'text/javascript; charset=utf-8',
  'delivery-chart.js': 'text/javascript; charset=utf-8',
  'target-chart.js': 'text/javascript; charset=utf-8',
  'get-json.js': 'text/javascript; charset=utf-8',
  'rates-text.js': 'text/javascript; charset=utf-8',
  'rates-section.js': 'text/javascript; charset=utf-8',
  'funnel-chart.js': 'text/javascript; charset=utf-8',
  'format.js': 'text/javascript; charset=utf-8',
  'labels.js': 'text/javascript; charset=utf-8',
  'csv-download.js': 'text/javascript; charset=utf-8',
  'filters.js': 'text/javascript; charset=utf-8',
  'report-charts.js': 'text/javascript; charset=utf-8',
  'impact-section.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
} as const;
export type DashboardFile = keyof typeof FILES;
export const DASHBOARD_FILES = Object.keys(FILES) as DashboardFile[];

// No inline script or style anywhere, so the page runs under this strict policy.
export const DASHBOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

const cache = new Map<DashboardFile, string>();

export function dashboardFile(name: DashboardFile): { body: string; type: string } {
  let body = cache.get(name);
  if (body === undefined) {
    body = readFileSync(new URL(`./static/${name}`, import.meta.url), 'utf8');
    cache.set(name, body);
  }
  return { body, type: FILES[name] };
}
