import { describe, expect, it } from 'vitest';
import { useDashboard } from './fixtures/dashboard-server.ts';

const EXPORT = 'dashboard-export-token-0123456789';
const REPORT = 'dashboard-report-token-0123456789';

describe('researcher dashboard with the report token', () => {
  const env = useDashboard(EXPORT, REPORT);

  it('draws every chart with the report token, which cannot export rows', async () => {
    const page = await env.browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${env.server.base}/v1/dashboard`);
    await page.getByLabel('Report or export token').fill(REPORT);
    await page.fill('#survey', 'outcomes-test');
    await page.click('button[type=submit]');
    await page.waitForSelector('figure[data-chart=delivery] svg', { timeout: 15_000 });

    const charts = await page.$$eval('#charts figure[data-chart]', (fs) => fs.map((f) => f.getAttribute('data-chart')));
    expect(charts).toEqual(['responses', 'outcomes', 'outcome-rate', 'target', 'categories', 'countries', 'delivery']);
    expect(await page.locator('figure[data-chart=responses] rect.bar').count()).toBeGreaterThan(12);
    expect(await page.textContent('#error')).toBe('');
    expect(problems).toEqual([]);

    const rows = await fetch(`${env.server.base}/v1/export?format=csv`, {
      headers: { Authorization: `Bearer ${REPORT}` },
    });
    expect(rows.status).toBe(403);
    expect((await rows.json()).error).toContain('need the export token (EXPORT_TOKEN)');
    await page.close();
  });
});
