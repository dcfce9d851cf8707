import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDashboard } from './fixtures/dashboard-server.ts';
import { type AxeViolation, axeViolations } from './fixtures/ui-harness-browser.ts';

const TOKEN = 'dashboard-a11y-token-0123456789';
/** The ids each image's aria-details points at, as Chromium exposes them, by the image's accessible name. */
async function imageDetails(page: Page): Promise<Map<string, string[]>> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return new Map(
    nodes
      .filter((n) => n.role?.value === 'image')
      .map((n) => {
        const details = n.properties?.find((p) => p.name === 'details');
        return [String(n.name?.value ?? ''), (details?.value.relatedNodes ?? []).map((r) => r.idref ?? '')];
      }),
  );
}

describe('researcher dashboard accessibility', () => {
  const env = useDashboard(TOKEN);

  async function open(options: BrowserContextOptions = {}): Promise<Page> {
    const context = await env.browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
    const page = await context.newPage();
    await page.goto(`${env.server.base}/v1/dashboard`);
    return page;
  }

  /** Tab from the top of the page: the token, the survey id, then the submit button, each filled from the keyboard. */
  async function signInByKeyboard(page: Page, token: string): Promise<string[]> {
    const order: string[] = [];
    const tab = async () => {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || ''));
    };
    await tab();
    await page.keyboard.type(token);
    await tab();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('outcomes-test');
    await tab();
    await page.keyboard.press('Enter');
    return order;
  }

  async function openCharts(options: BrowserContextOptions = {}): Promise<Page> {
    const page = await open(options);
    await signInByKeyboard(page, TOKEN);
    await page.waitForSelector('figure[data-chart=delivery] svg', { timeout: 15_000 });
    return page;
  }

  async function openEveryNumbersTable(page: Page): Promise<void> {
    const summaries = page.locator('figure[data-chart] summary');
    const count = await summaries.count();
    for (let i = 0; i < count; i++) await summaries.nth(i).click();
    expect(await page.locator('figure[data-chart] details[open]').count(), 'open numbers tables').toBe(7);
  }

  const sidewaysOverflow = (page: Page) =>
    page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
  ] as const)(
    'has no axe violations on the token form, the charts and the error, with a %s colour scheme',
    async (_, colorScheme) => {
      const page = await open({ colorScheme });
      const found: Record<string, AxeViolation[]> = {};
      const check = async (state: string) => {
        const v = await axeViolations(page, null);
        if (v.length) found[state] = v;
      };
      await check('token form');
      await signInByKeyboard(page, TOKEN);
      await page.waitForSelector('figure[data-chart=delivery] svg', { timeout: 15_000 });
      await check('charts');
      await page.fill('#token', 'wrong-token-wrong-token');
      await page.click('button[type=submit]');
      await expect.poll(() => page.textContent('#error'), { timeout: 10_000 }).toMatch(/401 wrong bearer token/);
      await check('wrong token');
      expect(found).toEqual({});
      await page.context().close();
    },
  );

  it('keeps its status and error live regions in the accessibility tree while they are empty', async () => {
    // A region that only enters the tree with its text is often not announced (WCAG 4.1.3).
    const page = await open();
    expect(await page.getByRole('status').count(), 'status region').toBe(1);
    expect(await page.getByRole('alert').count(), 'error region').toBe(1);
    await page.context().close();
  });

  it('fits 320 px wide without scrolling sideways: token form, charts, every numbers table open', async () => {
    const page = await open({ viewport: { width: 320, height: 640 } });
    expect(await sidewaysOverflow(page), 'token form').toBe(0);
    await signInByKeyboard(page, TOKEN);
    await page.waitForSelector('figure[data-chart=delivery] svg', { timeout: 15_000 });
    expect(await sidewaysOverflow(page), 'charts').toBe(0);
    await openEveryNumbersTable(page);
    expect(await sidewaysOverflow(page), 'every numbers table open').toBe(0);
    await page.context().close();
  });

  it.each([1100, 320])('has no axe violations with every numbers table open, %i px wide', async (width) => {
    const page = await openCharts({ viewport: { width, height: 900 } });
    await openEveryNumbersTable(page);
    expect(await axeViolations(page, null)).toEqual([]);
    await page.context().close();
  });

  it('opens a numbers table from the keyboard, and scrolls one wider than a 320 px screen', async () => {
    const page = await openCharts({ viewport: { width: 320, height: 640 } });
    const tab = async () => {
      await page.keyboard.press('Tab');
      return page.evaluate(() => document.activeElement?.textContent);
    };
    // signInByKeyboard leaves the focus on the submit button; the filters come next, then the first chart.
    expect(await tab()).toBe('Forget token');
    const passed: (string | null | undefined)[] = [];
    for (let i = 0; i < 30 && passed.at(-1) !== 'Show the numbers: Responses per month'; i++) passed.push(await tab());
    expect(passed.at(-1), `focus order after the sign-in form: ${passed.join(' | ')}`).toBe(
      'Show the numbers: Responses per month',
    );
    expect(passed).toContain('Apply filters');
    const responses = page.locator('#responses-table');
    expect(await responses.isVisible(), 'table before Enter').toBe(false);
    await page.keyboard.press('Enter');
    await expect.poll(() => responses.isVisible(), { timeout: 5_000, message: 'table after Enter' }).toBe(true);

    await page.focus('figure[data-chart=delivery] summary');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const scroller = page.getByRole('region', { name: /^Delivery health: .* \(numbers\)$/ });
    expect(await scroller.evaluate((e) => e === document.activeElement), 'delivery table scroller focused').toBe(true);
    expect(await scroller.evaluate((e) => e.scrollWidth > e.clientWidth), 'delivery table wider than its box').toBe(
      true,
    );
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => scroller.evaluate((e) => e.scrollLeft), { timeout: 5_000 }).toBeGreaterThan(0);
    await page.context().close();
  });

  it('is signed into with the keyboard only: Tab reaches the token, survey and submit button, Enter submits', async () => {
    const page = await open();
    expect(await signInByKeyboard(page, TOKEN)).toEqual(['token', 'survey', 'Show figures']);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(ring, 'focus ring on the submit button').not.toBe('none');
    await page.waitForSelector('figure[data-chart=delivery] svg', { timeout: 15_000 });
    expect(await page.textContent('#status')).toMatch(/^Figures for outcomes-test/);
    await page.context().close();
  });

  it('names every chart and points it at the disclosure of its numbers table, named too once opened', async () => {
    const page = await openCharts();
    const charts = await page.$$eval('figure[data-chart]', (figures) =>
      figures.map((f) => ({
        id: f.getAttribute('data-chart') as string,
        caption: f.querySelector('figcaption')?.textContent ?? '',
        details: f.querySelector('svg')?.getAttribute('aria-details') ?? '',
      })),
    );
    expect(charts.map((c) => c.id)).toEqual([
      'responses',
      'outcomes',
      'outcome-rate',
      'target',
      'categories',
      'countries',
      'delivery',
    ]);
    // Read from Chromium's accessibility tree while every table is folded away: the link must not need it open.
    const linked = await imageDetails(page);
    for (const { id, caption, details } of charts) {
      expect(caption, `caption of ${id}`).not.toBe('');
      expect(await page.getByRole('img', { name: caption, exact: true }).count(), `image named by ${id}`).toBe(1);
      expect(linked.get(caption), `aria-details of the ${id} image`).toEqual([details]);
      expect(await page.locator(`details#${details} table`).count(), `${id} table in the linked disclosure`).toBe(1);
    }
    await openEveryNumbersTable(page);
    for (const { id, caption, details } of charts) {
      const numbers = page.locator(`#${details}`).getByRole('table', { name: `${caption} (numbers)`, exact: true });
      expect(await numbers.getByRole('row').count(), `rows of ${id}`).toBeGreaterThan(1);
    }
    await page.context().close();
  });
});
