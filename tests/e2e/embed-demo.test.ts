import { describe, expect, it } from 'vitest';
import { answerSurvey, SITE_KEY, useEmbedStack, watchPage } from './embed-harness.ts';

// Issue 5 / issue 2: the demo course page, served under a strict CSP on its own
// origin, carries one answer to the collector's export, with no CSP violation.
const env = useEmbedStack();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the demo course page', () => {
  it('is served with the strict CSP and its widget pointed at this run’s collector and site key', async () => {
    const res = await fetch(`${env.stack.demoUrl}/`);
    expect(res.headers.get('content-security-policy')).toBe(
      `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' ${env.stack.collectorUrl}`,
    );
    const html = await res.text();
    expect(html).toContain(`data-endpoint="${env.stack.collectorUrl}"`);
    expect(html).toContain(`data-site-key="${SITE_KEY}"`);
    expect(html).not.toContain('{{');
    expect((await fetch(`${env.stack.demoUrl}/outcome-survey-sw.js`)).status).toBe(200);
  });

  it('carries an answer from "Finish the course" to the CSV export exactly once, with no CSP violation', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const seen = watchPage(page);
    await page.goto(`${env.stack.demoUrl}/`);
    const submitted = page.evaluate(
      () =>
        new Promise<{ responseId: string }>((resolve) =>
          (window as unknown as { OutcomeSurvey: { on(e: string, h: (d: never) => void): void } }).OutcomeSurvey.on(
            'submitted',
            resolve,
          ),
        ),
    );
    await page.getByRole('button', { name: 'Finish the course' }).click();
    await page.getByRole('dialog').waitFor({ timeout: 15_000 });
    await answerSurvey(page);
    const { responseId } = await submitted;

    let csv = '';
    for (let i = 0; i < 60 && !csv.includes(responseId); i++) {
      await sleep(250);
      csv = await env.stack.exportCsv();
    }
    expect(csv.split(responseId).length - 1).toBe(1);
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    await context.close();
  });

  it('points its researcher links at the collector its widget uses', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${env.stack.demoUrl}/`);
    await expect
      .poll(() => page.getByRole('link', { name: 'the CSV export' }).getAttribute('href'))
      .toBe(`${env.stack.collectorUrl}/v1/export?format=csv`);
    await context.close();
  });

  it('would notice a CSP violation on that page (the watcher above can fail)', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const seen = watchPage(page);
    await page.goto(`${env.stack.demoUrl}/`);
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body{color:red}';
      document.head.append(style);
    });
    for (let i = 0; i < 20 && seen.cspViolations.length === 0; i++) await sleep(50);
    await context.close();
    expect(seen.cspViolations).toEqual([expect.stringContaining('style-src')]);
  });
});
