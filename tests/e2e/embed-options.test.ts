import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITE_KEY, useEmbedStack, watchPage } from './embed-harness.ts';

// Issue 5: every option broken in turn gives one console error naming it, the widget
// stays out of the way, and the host page never sees an exception of ours.
const env = useEmbedStack();

const valid = (): Record<string, string> => ({
  'data-endpoint': env.stack.collectorUrl,
  'data-site-key': SITE_KEY,
  'data-survey': 'career-outcomes',
  'data-trigger': 'delay:0',
});

const broken: [string, string][] = [
  ['data-endpoint', 'ftp://collector.example'],
  ['data-site-key', ''],
  ['data-survey', 'Career Outcomes!'],
  ['data-country', 'france'],
  ['data-locale', 'not a language'],
  ['data-learner-ref', ''],
  ['data-learner-sig', 'signed-by-us'],
  ['data-sw', 'https://elsewhere.example/sw.js'],
  ['data-debug', 'yes please'],
  ['data-trigger', 'whenever'],
  ['data-completed-at', 'last tuesday'],
  ['data-waves', 'six,twelve'],
  ['data-cap-days', '-3'],
  ['data-course-id', 'x'.repeat(200)],
  ['data-path-id', 'x'.repeat(200)],
];

/**
 * Resolves once the widget has answered a call of its own (pending() loads a chunk and reads IndexedDB):
 * whatever it had queued before, such as a second error, has been logged by then, and the browser
 * reports console messages in order, ahead of the call's answer.
 */
const widgetAnswered = (page: Page) =>
  page.evaluate(() => (window as unknown as { OutcomeSurvey: { pending(): Promise<number> } }).OutcomeSurvey.pending());

async function load(attributes: Record<string, string>) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const seen = watchPage(page);
  const attrs = Object.entries(attributes)
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ');
  await page.goto(
    env.stack.hostPage(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body><p>Course</p><script type="module" src="/outcome-survey.js" ${attrs}></script></body></html>`,
    ),
  );
  return { page, seen, close: () => context.close() };
}

describe('a broken option on the script tag', () => {
  it.each(broken)('%s=%j logs one console error naming it, shows nothing, throws nothing', async (name, value) => {
    const { page, seen, close } = await load({ ...valid(), [name]: value });
    await expect.poll(() => seen.consoleErrors.length, { timeout: 5_000 }).toBeGreaterThan(0);
    await widgetAnswered(page); // a second error, were there one, is logged before this answer
    const hosts = await page.evaluate(() => [...document.querySelectorAll('*')].filter((el) => el.shadowRoot).length);
    await close();
    expect(seen.consoleErrors).toHaveLength(1);
    expect(seen.consoleErrors[0]).toContain(`"${name}"`);
    expect(seen.consoleErrors[0]).toContain('expected');
    expect(seen.pageErrors).toEqual([]);
    expect(hosts).toBe(0);
  });

  it('shows the survey when the same options are all valid', async () => {
    const { page, seen, close } = await load(valid());
    await page.getByRole('dialog').waitFor({ timeout: 15_000 });
    await close();
    expect(seen.consoleErrors).toEqual([]);
  });
});

describe('the JavaScript API used wrongly', () => {
  const misuse: [string, string][] = [
    ['init with a wrong option', `OutcomeSurvey.init({ endpoint: 'nope', siteKey: 'k', survey: 'career-outcomes' })`],
    [
      'init with an unknown option',
      `OutcomeSurvey.init({ endpoint: 'https://c.example', siteKey: 'k', survey: 'career-outcomes', colour: 'red' })`,
    ],
    ['init with no object', 'OutcomeSurvey.init(42)'],
    ['on with an unknown event', `OutcomeSurvey.on('opened', () => {})`],
    ['track with a number', 'OutcomeSurvey.track(42)'],
    ['show before any survey is configured', 'OutcomeSurvey.show()'],
  ];

  it.each(misuse)('%s logs one console error and throws nothing', async (_case, call) => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const seen = watchPage(page);
    await page.goto(
      env.stack.hostPage(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body><script type="module" src="/outcome-survey.js"></script></body></html>`,
      ),
    );
    await page.evaluate(`(async () => { await ${call}; })()`);
    await expect.poll(() => seen.consoleErrors.length, { timeout: 5_000 }).toBeGreaterThan(0);
    await widgetAnswered(page);
    await context.close();
    expect(seen.consoleErrors).toHaveLength(1);
    expect(seen.consoleErrors[0]).toMatch(/^outcome-survey: /);
    expect(seen.pageErrors).toEqual([]);
  });
});
