import type { Browser, Page } from 'playwright-core';
import type { UiTable } from '../../../widget/i18n/en.ts';
import { en } from '../../../widget/i18n/en.ts';
import { type EmbedStack, SITE_KEY } from '../embed-harness.ts';

/** What a learner picks, by question (or grid row) id: an option id, several, "YYYY-MM", or text. */
export type Picks = Record<string, string | string[]>;
export type Walk = {
  /** The text of every screen shown, from the first question to check-your-answers. */
  screens: string[];
  /** The question and grid-row ids that were shown, in order. */
  shown: string[];
  /** The text of check-your-answers, as sent. */
  check: string;
  confirmation: string;
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Answers the survey on screen as a learner who knows what they want to say, in any UI
 * language: `picks` by question id, the general and the ethnicity consent screens as given,
 * everything else left unanswered. Screens are told apart by the UI's own strings.
 */
export async function answerById(
  page: Page,
  table: UiTable,
  picks: Picks,
  consent: { sensitive: boolean; ethnicity?: boolean },
): Promise<Walk> {
  const t = (key: keyof typeof en) => table[key] || en[key];
  const button = (key: keyof typeof en) => page.getByRole('button', { name: t(key), exact: true });
  const heading = page.locator('.os-heading').first();
  const walk: Walk = { screens: [], shown: [], check: '', confirmation: '' };
  const moveOn = async (from: string, click: Promise<void>) => {
    await click;
    await page
      .locator('.os-heading', { hasNotText: new RegExp(`^${escapeRegExp(from)}$`) })
      .waitFor({ timeout: 10_000 });
  };
  await button('start').waitFor({ timeout: 15_000 });
  await moveOn((await heading.textContent()) ?? '', button('start').click());
  for (let screen = 0; screen < 60; screen++) {
    const title = (await heading.textContent()) ?? '';
    if (title === t('checkHeading')) {
      walk.check = (await page.locator('.os-summary').textContent()) ?? '';
      await button('send').click();
      await page.getByRole('heading', { name: t('doneHeading') }).waitFor({ timeout: 15_000 });
      walk.confirmation = (await page.locator('.os-screen').textContent()) ?? '';
      return walk;
    }
    walk.screens.push((await page.locator('.os-root').textContent()) ?? '');
    if (title === t('consentHeading') || title === t('ethnicityHeading')) {
      const agree = title === t('consentHeading') ? consent.sensitive : consent.ethnicity;
      if (agree === undefined) throw new Error(`no answer given for the consent screen "${title}"`);
      await moveOn(title, button(agree ? 'consentYes' : 'consentNo').click());
    } else {
      walk.shown.push(...(await answerScreen(page, picks)));
      await moveOn(title, button('continue').click());
    }
  }
  throw new Error('the survey did not reach check-your-answers within 60 screens');
}

/** Fills one question screen from `picks`; returns the ids it asked. */
async function answerScreen(page: Page, picks: Picks): Promise<string[]> {
  const ids: string[] = [];
  const names = await page
    .locator('input[type=radio], input[type=checkbox]')
    .evaluateAll((inputs) => [...new Set(inputs.map((i) => (i as HTMLInputElement).name))]);
  for (const name of names) {
    ids.push(name);
    const pick = picks[name];
    for (const value of pick === undefined ? [] : [pick].flat())
      await page.locator(`input[name="${name}"][value="${value}"]`).check();
  }
  const date = page.locator('select.os-input');
  if (await date.count()) {
    const id = ((await date.getAttribute('id')) ?? '').replace(/^os-f-/, '');
    ids.push(id);
    const [year, month] = String(picks[id] ?? '').split('-');
    if (month) await date.selectOption(month);
    if (year) await page.locator('input.os-year').fill(year);
  }
  const text = page.locator('textarea.os-input, input.os-number');
  if (await text.count()) {
    const id = ((await text.getAttribute('id')) ?? '').replace(/^os-f-/, '');
    ids.push(id);
    if (picks[id] !== undefined) await text.fill(String(picks[id]));
  }
  return ids;
}

/** Opens a host page of `stack` embedding the survey for one country and language, and walks it in a fresh context. */
export async function walkSurvey(
  browser: Browser,
  stack: EmbedStack,
  where: { country: string; locale: string; table: UiTable },
  picks: Picks,
  consent: { sensitive: boolean; ethnicity?: boolean },
): Promise<Walk> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(
      stack.hostPage(
        `<!doctype html><html lang="${where.locale}"><head><meta charset="utf-8"><title>Course</title></head>
        <body><p>Course</p><script type="module" src="/outcome-survey.js" data-endpoint="${stack.collectorUrl}"
        data-site-key="${SITE_KEY}" data-survey="career-outcomes" data-trigger="delay:0"
        data-country="${where.country}" data-locale="${where.locale}"></script></body></html>`,
      ),
    );
    return await answerById(page, where.table, picks, consent);
  } finally {
    await context.close();
  }
}
