import { readFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDashboard } from './fixtures/dashboard-server.ts';
import type { AxeViolation } from './fixtures/ui-harness-browser.ts';

const TOKEN = 'dashboard-a11y-token-0123456789';
const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

/** axe-core on the whole page at WCAG 2.2 A and AA; evaluated, not added as a script tag, which the page's CSP refuses. */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
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

  it.each([
    ['light', 'light'],
    ['dark', 'dark'],
  ] as const)(
    'has no axe violations on the token form, the charts and the error, with a %s colour scheme',
    async (_, colorScheme) => {
      const page = await open({ colorScheme });
      const found: Record<string, AxeViolation[]> = {};
      const check = async (state: string) => {
        const v = await axeViolations(page);
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

  it('fits 320 px wide without scrolling sideways, before and after the charts are drawn', async () => {
    const page = await open({ viewport: { width: 320, height: 640 } });
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow(), 'token form').toBe(0);
    await signInByKeyboard(page, TOKEN);
    await page.waitForSelector('figure[data-chart=delivery] svg', { timeout: 15_000 });
    expect(await overflow(), 'charts').toBe(0);
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

  it('names every chart and gives each a table of its numbers', async () => {
    const page = await open();
    await signInByKeyboard(page, TOKEN);
    await page.waitForSelector('figure[data-chart=delivery] svg', { timeout: 15_000 });
    const charts = await page.$$eval('figure[data-chart]', (figures) =>
      figures.map((f) => ({
        id: f.getAttribute('data-chart') as string,
        caption: f.querySelector('figcaption')?.textContent ?? '',
        table: f.querySelector('svg')?.getAttribute('aria-describedby') ?? '',
      })),
    );
    expect(charts.map((c) => c.id)).toEqual(['responses', 'outcomes', 'target', 'categories', 'countries', 'delivery']);
    for (const { id, caption, table } of charts) {
      expect(caption, `caption of ${id}`).not.toBe('');
      expect(await page.getByRole('img', { name: caption, exact: true }).count(), `image named by ${id}`).toBe(1);
      const numbers = page.getByRole('table', { name: `${caption} (numbers)`, exact: true });
      expect(await numbers.getAttribute('id'), `table described by ${id}`).toBe(table);
      expect(await numbers.getByRole('row').count(), `rows of ${id}`).toBeGreaterThan(1);
    }
    await page.context().close();
  });
});
