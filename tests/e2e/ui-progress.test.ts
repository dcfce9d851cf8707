import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../../widget/i18n/ar.ts';
import { en, type UiTable } from '../../widget/i18n/en.ts';
import { fr } from '../../widget/i18n/fr.ts';
import { UI_LOCALES } from '../../widget/i18n/ui-locales.ts';
import { type EmbedStack, launchChromium, SITE_KEY, startEmbedStack } from './embed-harness.ts';
import { answerById, type Picks } from './support/answer-by-id.ts';

// Issue 19: "Question 1 of 8" → "2 of 9" → "3 of 11" → "13 of 13" made learners quit, and the French intro said
// "environ 3 minutes" beside "4 minutes, 10 questions". The total may only shrink, from the intro's figure to the
// last question's "n of n", and the intro states one duration.
let stack: EmbedStack;
let browser: Browser;
beforeAll(async () => {
  [stack, browser] = await Promise.all([startEmbedStack(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

// Answers that open the branches the old count only added once reached: a change (when it started, how much
// the course helped), a job (is it related), no work just before the course (searching, available).
const branching: Picks = {
  situation: 'employed',
  changes: ['new_job'],
  helped: 'a_lot',
  change_start: '2024-03',
  related: 'closely',
  pay_band_eur: 'from_30k_to_40k',
  ilo_worked: 'no',
  ilo_searched: 'yes',
  ilo_available: 'yes',
  comment: 'progress',
};
// A figure in Western or Arabic-Indic digits (Intl.NumberFormat('ar') writes ٨).
const FIGURE = '([0-9\u0660-\u0669]+)';
const toNumber = (s: string) => Number(s.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x660)));
const fill = (template: string) =>
  new RegExp(template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, FIGURE));

const languages: [string, string, UiTable, { sensitive: boolean }, RegExp][] = [
  ['en', 'DE', en, { sensitive: true }, /minute/g],
  // Declining the questions about you drops them from the count at once.
  ['fr', 'FR', fr, { sensitive: false }, /minute/g],
  ['ar', 'DE', ar, { sensitive: true }, /دقيق|دقائق/g],
];

describe.each([360, 1280])('the progress line at %i px', (width) => {
  it.each(languages)(
    'never grows while a learner answers in %s (country %s)',
    async (locale, country, table, consent, minuteWord) => {
      const context = await browser.newContext({ viewport: { width, height: 740 }, locale });
      try {
        const page = await context.newPage();
        await page.goto(
          stack.hostPage(
            `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>Course</title></head>
          <body><p>Course</p><script type="module" src="/outcome-survey.js" data-endpoint="${stack.collectorUrl}"
          data-site-key="${SITE_KEY}" data-survey="career-outcomes" data-trigger="delay:0"
          data-country="${country}" data-locale="${locale}"></script></body></html>`,
          ),
        );
        // The figure comes with the rest chunk (widget/ui/flow/question-total.ts), fetched as the intro is drawn.
        const length = page.locator('.os-length', { hasText: /\d/ });
        await length.waitFor({ timeout: 15_000 });
        const introText = (await page.locator('.os-screen').textContent()) ?? '';
        const lengthText = (await length.textContent()) ?? '';
        // One duration on the intro screen: the computed one, none left in the survey's own intro text.
        expect(introText.match(minuteWord), introText).toHaveLength(1);
        // "{minutes}, {questions}": the question count is the last figure.
        const introTotal = toNumber(lengthText.match(new RegExp(FIGURE, 'g'))?.at(-1) ?? '');
        expect(introTotal, `the intro says "${lengthText}"`).toBeGreaterThan(0);

        const walk = await answerById(page, table, branching, consent);
        const progress = fill(table.progress ?? en.progress);
        const seen = walk.screens.flatMap((text) => {
          const m = progress.exec(text);
          return m ? [{ n: toNumber(m[1]), total: toNumber(m[2]) }] : [];
        });
        expect(seen.map((s) => s.n)).toEqual(seen.map((_, k) => k + 1));
        expect(seen[0].total, `intro "${lengthText}"`).toBe(introTotal);
        seen.slice(1).forEach((now, k) => {
          expect(now.total, `${JSON.stringify(seen)}`).toBeLessThanOrEqual(seen[k].total);
        });
        expect(seen.at(-1)).toEqual({ n: seen.length, total: seen.length });
      } finally {
        await context.close();
      }
    },
  );
});

// widget/i18n/translator.ts writes whole numbers from 0 to 999 without Intl.NumberFormat (whose first use loads
// ICU data in one long task): that holds only while this browser's number format writes them the same way.
it('writes 0 to 999 as Intl.NumberFormat does in every UI language, in this Chromium', async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const differ = await page.evaluate((locales) => {
      const wrong: string[] = [];
      for (const l of locales) {
        const f = new Intl.NumberFormat(l);
        for (let n = 0; n < 1000; n++) if (f.format(n) !== String(n)) wrong.push(`${l} ${n}: ${f.format(n)}`);
      }
      return wrong;
    }, UI_LOCALES as string[]);
    expect(differ).toEqual([]);
  } finally {
    await context.close();
  }
});
