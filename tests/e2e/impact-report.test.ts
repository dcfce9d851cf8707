import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderImpactHtml } from '../../collector/impact/report-html/render-impact-html.ts';
import { impactOf, many, storageWith } from '../collector/impact/impact-fixture.ts';
import { axeViolations } from './fixtures/ui-harness-browser.ts';
import { launchChromium } from './support/launch-chromium.ts';

describe('the impact report page in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'impact-report-'));
    const storage = await storageWith([
      ...many(9, 'a', { outcome: true, groups: { jobseeker: true } }),
      ...many(3, 'b', { outcome: false, groups: { jobseeker: true } }),
      ...many(18, 'c', { outcome: true, groups: { jobseeker: false } }),
    ]);
    const { impact } = await impactOf(storage, {}, { minCell: 10, roundTo: 1, minPercentBase: 10 });
    const file = join(dir, 'impact.html');
    writeFileSync(file, renderImpactHtml(impact));
    url = pathToFileURL(file).href;
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(width: number): Promise<{ page: Page; requests: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const requests: string[] = [];
    await context.route(/^https?:/, (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url);
    return { page, requests };
  }

  it.each([1280, 320])('makes no request and has no axe violation at %i px', async (width) => {
    const { page, requests } = await open(width);
    expect(await axeViolations(page, null)).toEqual([]);
    expect(requests).toEqual([]);
    if (width === 320)
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.context().close();
  });

  it('reaches the skip link first from the keyboard, then every focusable element in order', async () => {
    const { page } = await open(1280);
    const focusable = await page.evaluate(() =>
      [...document.querySelectorAll('a[href], button, [tabindex="0"]')].map((el) => el.outerHTML.slice(0, 60)),
    );
    const order: string[] = [];
    for (let i = 0; i < focusable.length; i++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 60) ?? ''));
    }
    expect(order[0]).toContain('class="skip"');
    expect(order).toEqual(focusable);
    await page.context().close();
  });

  it('prints to at least two A4 pages', async () => {
    const { page } = await open(1280);
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    expect((pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(2);
    const shot = join(dir, 'impact-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    if (process.env.SCREENSHOTS === '1')
      await page.screenshot({ path: 'docs/screenshots/impact-report.png', fullPage: true });
    await page.context().close();
  });
});
