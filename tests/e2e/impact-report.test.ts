import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderImpactHtml } from '../../collector/impact/report-html/render-impact-html.ts';
import type { StoredMember } from '../../collector/storage/denominator-storage.ts';
import { type Answer, impactOf, member, storageWith } from '../collector/impact/impact-fixture.ts';
import { axeViolations } from './fixtures/ui-harness-browser.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { screenshotPath } from './support/screenshot-path.ts';

describe('the impact report page in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    browser = await launchChromium();
    dir = mkdtempSync(join(tmpdir(), 'impact-report-'));
    // A cohort of two years in three countries, answering unevenly (KE least), so every section has figures:
    // outcomes by group, the +20 % comparison, the non-response warning and the weights to country.
    const countries = ['FR', 'GB', 'KE'];
    const situations = [
      'employed',
      'self_employed',
      'studying',
      'looking',
      'employed_fixed_term',
      'apprenticeship',
      'not_working',
    ];
    const answers: Answer[] = [];
    const roster: StoredMember[] = [];
    for (const year of [2025, 2026])
      for (let i = 0; i < 300; i++) {
        const learner = `y${year}-${i}`;
        const country = countries[i % 3];
        roster.push(member(learner, { country, courseId: `course-${i % 2}`, completedAt: `${year}-03-31` }));
        if (i % 3 === 2 ? i % 4 !== 0 : i % 5 === 4) continue; // FR and GB answer 80 %, KE 25 %
        const underserved = i % (year === 2026 ? 2 : 3) === 0;
        answers.push({
          learner,
          country,
          at: `${year}-06-15T10:00:00.000Z`,
          wave: 'm6',
          outcome: (i * 7) % 10 < (country === 'KE' ? 8 : 5),
          groups: { jobseeker: underserved, low_education: i % 4 === 0, any_underserved: underserved || i % 4 === 0 },
          situation: situations[i % 7],
          related: i % 2 === 0 ? 'closely' : 'partly',
        });
      }
    const storage = await storageWith(answers, { 'cohort-2025-2026': roster });
    const { impact } = await impactOf(
      storage,
      { weights: ['country'] },
      { minCell: 10, roundTo: 5, minPercentBase: 20 },
    );
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
    const shot = screenshotPath('impact-report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
    await page.context().close();
  });
});
