import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frenchSpacing } from '../../protocol/french-spacing.ts';
import { en } from '../../widget/i18n/en.ts';
import { UI_LOCALES } from '../../widget/i18n/ui-locales.ts';
import { useEmbedStack, watchPage } from './embed-harness.ts';
import { axeViolations } from './fixtures/ui-harness-browser.ts';
import { answerById } from './support/answer-by-id.ts';
import { answerSurvey, FRENCH_LABELS } from './support/answer-survey.ts';
import { type CopiedDemo, startCopiedDemo } from './support/copied-demo.ts';
import { exportedRow, parseCsv } from './support/export-rows.ts';

// Issue 19 (product team): the demo shows any language and country the survey offers, and
// its page works when copied as a plain file. Every screen at a phone's and a laptop's width.
const env = useEmbedStack();
const WIDTHS = [360, 1280];
const pagePath = join(import.meta.dirname, '../../demo/site/index.html');
const survey = JSON.parse(readFileSync(join(import.meta.dirname, '../../surveys/career-outcomes.json'), 'utf8')) as {
  title: Record<string, string>;
  packs: Record<string, unknown>;
  questions: { id: string; text: Record<string, string> }[];
};
const firstQuestion = survey.questions.find((q) => q.id === 'situation')?.text ?? {};

async function openDemo(url: string, width: number, browserLocale = 'en-GB') {
  const context = await env.browser.newContext({ viewport: { width, height: 740 }, locale: browserLocale });
  const page = await context.newPage();
  const seen = watchPage(page);
  await page.goto(url);
  return { context, page, seen };
}

/** Chooses in the page's own form, as a product person would, and waits for the reload. */
async function choose(page: Page, choice: { language?: string; country?: string }) {
  if (choice.language) await page.getByLabel('Survey language', { exact: true }).selectOption(choice.language);
  if (choice.country) await page.getByLabel('Country', { exact: true }).selectOption(choice.country);
  await Promise.all([page.waitForURL(/\?lang=/), page.getByRole('button', { name: 'Apply' }).click()]);
}

/** Opens the survey from the course page and returns its root (inside the widget's shadow root). */
async function openSurvey(page: Page) {
  await page.getByRole('button', { name: 'Finish the course' }).click();
  const root = page.locator('.os-root');
  await root.waitFor({ timeout: 15_000 });
  return root;
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('the demo page offers', () => {
  const options = (id: string) =>
    [
      ...(
        readFileSync(pagePath, 'utf8').match(new RegExp(`<select id="${id}"[\\s\\S]*?</select>`))?.[0] ?? ''
      ).matchAll(/<option value="([^"]*)"/g),
    ].map((m) => m[1]);

  it('every language the widget speaks and every country with its own question pack', () => {
    expect(options('lang').sort()).toEqual([...UI_LOCALES].sort());
    expect(options('country').filter(Boolean).sort()).toEqual(
      Object.keys(survey.packs)
        .filter((k) => k !== 'default')
        .sort(),
    );
  });

  it('no template placeholder', () => {
    expect(readFileSync(pagePath, 'utf8')).not.toContain('{{');
  });
});

describe.each(WIDTHS)('the demo switcher at %i px', (width) => {
  let context: BrowserContext | undefined;
  afterAll(() => context?.close());

  it.each([
    ['fr', 'ltr'],
    ['ar', 'rtl'],
    ['en', 'ltr'],
  ])('shows the survey in the chosen language (%s, %s) and sets the page to it', async (language, dir) => {
    const demo = await openDemo(`${env.stack.demoUrl}/`, width, language === 'en' ? 'fr-FR' : 'en-GB');
    context = demo.context;
    const { page, seen } = demo;
    await choose(page, { language });
    expect(new URL(page.url()).searchParams.get('lang')).toBe(language);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
      language,
      dir,
    ]);
    // The course text stays English and left to right whatever the survey's language.
    expect(
      await page.locator('main').evaluate((main) => [main.getAttribute('lang'), getComputedStyle(main).direction]),
    ).toEqual(['en', 'ltr']);
    expect(await axeViolations(page, null)).toEqual([]);
    const root = await openSurvey(page);
    expect(await root.evaluate((el) => [el.getAttribute('lang'), el.getAttribute('dir')])).toEqual([language, dir]);
    await expect.poll(() => root.locator('.os-title').textContent()).toBe(survey.title[language]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(width);
    expect(seen.pageErrors).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    await demo.context.close();
  });

  it('speaks the browser language when nothing is chosen (a French browser gets French)', async () => {
    const { context: c, page } = await openDemo(`${env.stack.demoUrl}/`, width, 'fr-FR');
    context = c;
    expect(await page.getByLabel('Survey language', { exact: true }).inputValue()).toBe('fr');
    const root = await openSurvey(page);
    await expect.poll(() => root.locator('.os-title').textContent()).toBe(frenchSpacing(survey.title.fr));
    await root.getByRole('button', { name: FRENCH_LABELS.start }).click();
    await expect
      .poll(() => root.locator('.os-heading').first().textContent())
      .toContain(frenchSpacing(firstQuestion.fr));
    await c.close();
  });

  it('asks the chosen country pack’s questions and records the country (GB)', async () => {
    const { context: c, page, seen } = await openDemo(`${env.stack.demoUrl}/`, width);
    context = c;
    await choose(page, { language: 'en', country: 'GB' });
    expect(await page.getByLabel('Country', { exact: true }).inputValue()).toBe('GB');
    await openSurvey(page);
    const marker = `demo-switcher-gb-${width}`;
    const walk = await answerById(
      page,
      en,
      { situation: 'employed', changes: ['promotion'], helped: 'a_little', related: 'partly', comment: marker },
      { sensitive: true, ethnicity: false },
    );
    expect(walk.shown).toEqual(expect.arrayContaining(['pay_band_gbp', 'area_gb', 'diploma_gb']));
    expect(walk.shown).not.toContain('area');
    const row = await exportedRow(env.stack, marker);
    expect([row.country, row.locale]).toEqual(['GB', 'en']);
    expect(seen.pageErrors).toEqual([]);
    await c.close();
  });
});

describe('a copy of the demo page served as a plain file', () => {
  let copy: CopiedDemo;
  beforeAll(async () => {
    copy = await startCopiedDemo();
  });
  afterAll(() => copy?.close());

  it('is served with no template placeholder left', async () => {
    expect(await copy.served()).not.toContain('{{');
  });

  it.each(WIDTHS)('carries a French answer to its collector at %i px', async (width) => {
    const context = await env.browser.newContext({ viewport: { width, height: 740 } });
    const page = await context.newPage();
    const seen = watchPage(page);
    await page.goto(`${copy.pageUrl}?lang=fr`);
    const submitted = page.evaluate(
      () =>
        new Promise<{ responseId: string }>((resolve) =>
          (window as unknown as { OutcomeSurvey: { on(e: string, h: (d: never) => void): void } }).OutcomeSurvey.on(
            'submitted',
            resolve,
          ),
        ),
    );
    await openSurvey(page);
    await answerSurvey(page, { consent: false, labels: FRENCH_LABELS });
    const { responseId } = await submitted;
    await expect
      .poll(async () => parseCsv(await copy.exportCsv()).find((r) => r.id === responseId)?.locale, {
        timeout: 15_000,
      })
      .toBe('fr');
    expect(await pageWidth(page)).toBeLessThanOrEqual(width);
    expect(seen.pageErrors).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    await context.close();
  });

  it('says in the console which attribute to set when no collector answers', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const seen = watchPage(page);
    await page.goto(copy.offlinePageUrl);
    await expect
      .poll(() => seen.consoleErrors.find((text) => text.startsWith('demo: no collector answers')), { timeout: 10_000 })
      .toContain(`no collector answers at ${copy.offlineEndpoint} (data-endpoint of the outcome-survey script tag`);
    await context.close();
  });
});
