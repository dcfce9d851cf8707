import type { Browser, Page } from 'playwright-core';
import { ar } from '../../../widget/i18n/ar.ts';
import { en, type UiTable } from '../../../widget/i18n/en.ts';
import { fr } from '../../../widget/i18n/fr.ts';
import { type EmbedStack, SITE_KEY } from '../embed-harness.ts';
import { answerScreen } from './answer-survey.ts';

const TABLES: Record<string, UiTable> = { en, fr, ar };

export type Screen = { text: string; signsStartingALine: string[] };

/** The widget's text on screen, and each ? ! : ; that the layout put at the start of a line. */
function readScreen(page: Page): Promise<Screen> {
  return page.locator('.os-root').evaluate((root) => {
    const signsStartingALine: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 1; i < text.length; i++) {
        if (!'?!:;'.includes(text[i])) continue;
        const box = (at: number) => {
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 1);
          return range.getClientRects()[0];
        };
        const sign = box(i);
        const before = box(/\s/.test(text[i - 1]) && i > 1 ? i - 2 : i - 1);
        if (sign && before && sign.top > before.bottom - 2)
          signsStartingALine.push(text.slice(Math.max(0, i - 20), i + 1));
      }
    }
    return { text: root.textContent ?? '', signsStartingALine };
  });
}

/** Walks the FR pack from the intro to the thank-you screen, consent given, reading every screen. */
export async function readScreens(
  env: { browser: Browser; stack: EmbedStack },
  locale: string,
  width: number,
): Promise<Screen[]> {
  const t = (key: keyof typeof en) => TABLES[locale][key] || en[key];
  const button = (page: Page, key: keyof typeof en) => page.getByRole('button', { name: t(key), exact: true });
  const context = await env.browser.newContext({ viewport: { width, height: 720 } });
  try {
    const page = await context.newPage();
    await page.goto(
      env.stack.hostPage(
        `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>Course</title></head>
        <body><p>Course</p><script type="module" src="/outcome-survey.js" data-endpoint="${env.stack.collectorUrl}"
        data-site-key="${SITE_KEY}" data-survey="career-outcomes" data-trigger="delay:0"
        data-country="FR" data-locale="${locale}"></script></body></html>`,
      ),
    );
    const screens: Screen[] = [];
    const heading = page.locator('.os-heading').first();
    await button(page, 'start').waitFor({ timeout: 15_000 });
    for (let step = 0; step < 60; step++) {
      const title = (await heading.textContent()) ?? '';
      screens.push(await readScreen(page));
      if (title === t('doneHeading')) return screens;
      if (title === t('introHeading')) await button(page, 'start').click();
      else if (title === t('consentHeading') || title === t('ethnicityHeading'))
        await button(page, 'consentYes').click();
      else if (title === t('checkHeading')) await button(page, 'send').click();
      else {
        await answerScreen(page);
        await button(page, 'continue').click();
      }
      await page.locator('.os-heading', { hasNotText: title }).first().waitFor({ timeout: 10_000 });
    }
    throw new Error(`the ${locale} survey did not reach its thank-you screen within 60 screens`);
  } finally {
    await context.close();
  }
}
