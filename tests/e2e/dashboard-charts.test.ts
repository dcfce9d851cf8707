import { describe, expect, it } from 'vitest';
import { useDashboard } from './fixtures/dashboard-server.ts';
import { screenshotPath } from './support/screenshot-path.ts';

const TOKEN = 'dashboard-test-token-0123456789';

describe('researcher dashboard', () => {
  const env = useDashboard(TOKEN);

  it('draws the charts from the report endpoint after the token is given, with no CSP violation', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${env.server.base}/v1/dashboard`);
    expect(await page.locator('svg').count()).toBe(0);

    await page.fill('#token', TOKEN);
    await page.fill('#survey', 'outcomes-test');
    await page.click('button[type=submit]');
    await page.waitForSelector('figure[data-chart=delivery] svg', { timeout: 15_000 });

    const report = await (
      await fetch(`${env.server.base}/v1/report?survey=outcomes-test&by=month`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      })
    ).json();
    const expected = report.tables.responses.colTotals
      .map((c: { count: number | null }) => c.count)
      .filter((c: number | null) => c !== null);
    const drawn = await page.$$eval('figure[data-chart=responses] rect.bar', (rects) =>
      rects.map((r) => Number(r.getAttribute('data-value'))),
    );
    expect(drawn).toEqual(expected);
    expect(drawn.length).toBeGreaterThan(12);

    const countries = await page.$$eval('#countries-table th[scope=row]', (ths) => ths.map((t) => t.textContent));
    expect(countries).toEqual(['France', 'United Kingdom', 'Japan', 'Kenya', 'United States']);
    expect(await page.locator('figure[data-chart=categories] rect.bar').count()).toBeGreaterThan(0);
    const delivery = await (
      await fetch(`${env.server.base}/v1/report/delivery?survey=outcomes-test`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      })
    ).json();
    const received = await page.$$eval('figure[data-chart=delivery] rect.bar-received', (rects) =>
      rects.map((r) => Number(r.getAttribute('data-value'))),
    );
    expect(received).toEqual(delivery.received.slice(-30).filter((n: number) => n > 0));
    expect(received.length).toBe(30);
    const rejected = await page.$$eval('figure[data-chart=delivery] rect.bar-rejected', (rects) =>
      rects.map((r) => Number(r.getAttribute('data-value'))),
    );
    expect(rejected).toEqual([2, 3]);
    expect(await page.textContent('figure[data-chart=delivery] [data-rejected-summary]')).toBe(
      'Rejected in these days, by reason: not a valid response 1, unknown survey 1, an answer the survey does not allow 3.',
    );
    const rejectedRow = await page.$$eval('#delivery-table tr', (trs) =>
      trs.filter((tr) => tr.firstElementChild?.textContent === 'Nov 20, 2025').map((tr) => tr.textContent),
    );
    expect(rejectedRow).toHaveLength(1);

    const byYear = await (
      await fetch(`${env.server.base}/v1/report?survey=outcomes-test&by=year`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      })
    ).json();
    const underserved = byYear.tables.any_underserved.colTotals.map((c: { count: number | null }) => c.count);
    expect(underserved).toHaveLength(2);
    expect(
      await page.$$eval('figure[data-chart=target] rect.bar', (rects) =>
        rects.map((r) => Number(r.getAttribute('data-value'))),
      ),
    ).toEqual(underserved);
    const [yoy] = byYear.yearOverYear;
    expect(yoy).toMatchObject({ row: 'all', period: '2025', previous: '2024' });
    expect(
      await page.$$eval('figure[data-chart=target] line.target[data-value]', (ls) =>
        ls.map((l) => Number(l.getAttribute('data-value'))),
      ),
    ).toEqual([Math.round(underserved[0] * 1.2)]);
    const sign = yoy.changePercent > 0 ? '+' : '';
    const change = await page.$$eval('#target-table td', (tds) => tds.map((td) => td.textContent));
    expect(change).toContain(`${sign}${yoy.changePercent}% on 2024`);
    const points =
      yoy.changePoints > 0 ? `+${yoy.changePoints}` : yoy.changePoints === 0 ? '0' : `−${-yoy.changePoints}`;
    expect(change).toContain(`${points} points on 2024`);
    const n = byYear.tables.responses.colTotals[1].count.toLocaleString('en-US');
    expect(change).toContain(`${yoy.share}% (n = ${n})`);
    // A rise in respondents is not the target: the status is the impact figures' (for 2025, the year they were asked
    // for), never one read from the counts.
    const status = await page.$$eval('#target-table tr', (trs) => trs.map((tr) => tr.lastElementChild?.textContent));
    expect(status[1]).toBe('first year shown: no previous year to compare with');
    expect(status[2]).toMatch(/^Cannot tell yet: This year’s interval/);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(1);
    expect(problems).toEqual([]);

    await page.screenshot({ path: screenshotPath('dashboard.png'), fullPage: true });
    await page.close();
  });

  it('folds each chart’s numbers table under a summary naming the chart, hidden until it is opened', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1100, height: 900 } });
    await page.goto(`${env.server.base}/v1/dashboard`);
    await page.fill('#token', TOKEN);
    await page.fill('#survey', 'outcomes-test');
    await page.click('button[type=submit]');
    await page.waitForSelector('figure[data-chart=delivery] svg', { timeout: 15_000 });
    const charts = await page.$$eval('figure[data-chart]', (fs) =>
      fs.map((f) => ({ id: f.getAttribute('data-chart') ?? '', caption: f.querySelector('figcaption')?.textContent })),
    );
    expect(charts).toHaveLength(7);
    for (const { id, caption } of charts) {
      const summary = page.locator(`figure[data-chart=${id}] details > summary`);
      const table = page.locator(`figure[data-chart=${id}] details #${id}-table`);
      expect(await summary.textContent(), `summary of ${id}`).toBe(`Show the numbers: ${caption}`);
      expect(await table.isVisible(), `${id} table before its summary is clicked`).toBe(false);
      await summary.click();
      await expect.poll(() => table.isVisible(), { timeout: 5_000, message: `${id} table once opened` }).toBe(true);
      expect(await table.getByRole('row').count(), `rows of the ${id} table`).toBeGreaterThan(1);
    }
    await page.close();
  });

  it('shows the server’s error when the token is wrong, and no figures from an earlier token', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.server.base}/v1/dashboard`);
    await page.fill('#token', TOKEN);
    await page.fill('#survey', 'outcomes-test');
    await page.click('button[type=submit]');
    await page.waitForSelector('figure[data-chart=delivery] svg', { timeout: 15_000 });
    await page.fill('#token', 'wrong-token-wrong-token');
    await page.click('button[type=submit]');
    await expect.poll(() => page.textContent('#error'), { timeout: 10_000 }).toMatch(/401 wrong bearer token/);
    expect(await page.locator('#charts figure').count()).toBe(0);
    await page.close();
  });
});
