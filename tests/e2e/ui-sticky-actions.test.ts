import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ar } from '../../widget/i18n/ar.ts';
import type { UiTable } from '../../widget/i18n/en.ts';
import { en } from '../../widget/i18n/en.ts';
import { fr } from '../../widget/i18n/fr.ts';
import { SITE_KEY, useEmbedStack } from './embed-harness.ts';
import { axeViolations } from './fixtures/ui-harness-browser.ts';
import { answerScreen } from './support/answer-survey.ts';

// Issue 19: on a 360 px phone the consent screen's Yes/No buttons were below the fold, and on long
// screens the title and close button scrolled away. On every screen of the real survey, from the
// first question to check-your-answers, the close button and the screen's action buttons are in the
// viewport and not covered, without scrolling; a field reached with Tab is not hidden under either bar.
const env = useEmbedStack();

const LOCALES: [string, string | undefined, UiTable][] = [
  ['en', 'GB', en],
  ['fr', 'FR', fr],
  ['ar', undefined, ar],
];
const VIEWPORTS = [
  { width: 360, height: 640 },
  { width: 1280, height: 800 },
];

/** Where the close button and the action buttons are, and whether each is the topmost element at its centre. */
function reachability(page: Page) {
  return page.evaluate(() => {
    const shadow = document.querySelector('outcome-survey-dialog')?.shadowRoot;
    const root = shadow?.querySelector('.os-root');
    if (!shadow || !root) throw new Error('no .os-root in <outcome-survey-dialog>: the survey is not shown');
    const form = root.querySelector('form');
    const actions = [
      root.querySelector('.os-close'),
      ...(form ? [form.querySelector('button[type=submit]')] : root.querySelectorAll('.os-screen .os-button')),
    ];
    const out = (el: Element | null) => {
      if (!el) return 'missing';
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth)
        return `outside the viewport (${Math.round(r.top)}..${Math.round(r.bottom)} of ${innerHeight})`;
      const hit = shadow.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit && el.contains(hit) ? 'reachable' : `covered by ${hit?.className || hit?.tagName}`;
    };
    return {
      overflows: root.scrollHeight > root.clientHeight,
      where: Object.fromEntries(actions.map((el, i) => [`${i}:${el?.textContent?.trim()}`, out(el)])),
    };
  });
}

/** Whether the focused element lies wholly between the sticky title bar and the actions, inside the dialog. */
function focusedUncovered(page: Page) {
  return page.evaluate(() => {
    const shadow = document.querySelector('outcome-survey-dialog')?.shadowRoot;
    const root = shadow?.querySelector('.os-root');
    const el = shadow?.activeElement;
    if (!root || !el) return 'nothing focused in the survey';
    const r = el.getBoundingClientRect();
    const box = root.getBoundingClientRect();
    const bar = root.querySelector('.os-bar')?.getBoundingClientRect();
    const actions = root.querySelector('.os-screen .os-actions')?.getBoundingClientRect();
    const name = `${el.tagName.toLowerCase()}#${el.id}`;
    if (r.top < Math.max(box.top, bar?.bottom ?? 0)) return `${name} is under the title bar`;
    if (r.bottom > Math.min(box.bottom, actions?.top ?? box.bottom, innerHeight))
      return `${name} is under the actions or below the fold`;
    return 'uncovered';
  });
}

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** Tabs from the screen's heading to its first action button, then back once: the last field. */
async function tabToLastField(page: Page): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const onAction = await page.evaluate(
      () =>
        document.querySelector('outcome-survey-dialog')?.shadowRoot?.activeElement?.matches('.os-actions *') ?? false,
    );
    if (onAction) {
      await page.keyboard.press('Shift+Tab');
      return;
    }
  }
  throw new Error('Tab never reached an action button of the screen');
}

describe.each(LOCALES)('the survey in %s', (locale, country, table) => {
  const t = (key: keyof typeof en) => table[key] || en[key];
  it.each(VIEWPORTS)('keeps the close button and the actions in view at $width × $height', async (viewport) => {
    const context = await env.browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(
      env.stack.hostPage(
        `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
        <title>Course</title></head><body><p>Course</p><script type="module" src="/outcome-survey.js"
        data-endpoint="${env.stack.collectorUrl}" data-site-key="${SITE_KEY}" data-survey="career-outcomes"
        data-trigger="delay:0" ${country ? `data-country="${country}"` : ''} data-locale="${locale}"></script></body></html>`,
      ),
    );
    const button = (key: keyof typeof en) => page.getByRole('button', { name: t(key), exact: true });
    const heading = page.locator('.os-heading').first();
    await button('start').click();
    const problems: Record<string, unknown> = {};
    const seen: string[] = [];
    let previous = '';
    for (let screen = 0; screen < 60; screen++) {
      if (previous)
        await page
          .locator('.os-heading', { hasNotText: exactly(previous) })
          .first()
          .waitFor();
      await page.waitForFunction(() =>
        document.querySelector('outcome-survey-dialog')?.shadowRoot?.activeElement?.matches('.os-heading'),
      );
      const title = (await heading.textContent()) ?? '';
      seen.push(title);
      const { overflows, where } = await reachability(page);
      if (Object.values(where).some((w) => w !== 'reachable')) problems[`${title}: actions`] = where;
      // Only a screen longer than the dialog can hide anything; axe and Tab are run where it matters.
      if (overflows || title === t('consentHeading')) {
        const violations = await axeViolations(page, 'outcome-survey-dialog');
        if (violations.length) problems[`${title}: axe`] = violations;
        await tabToLastField(page);
        const focus = await focusedUncovered(page);
        if (focus !== 'uncovered') problems[`${title}: Tab`] = focus;
      }
      if (title === t('checkHeading')) break;
      previous = title;
      if (title === t('consentHeading') || title === t('ethnicityHeading')) await button('consentYes').click();
      else {
        await answerScreen(page);
        await button('continue').click();
      }
    }
    expect(seen).toContain(t('consentHeading'));
    expect(seen.at(-1)).toBe(t('checkHeading'));
    expect(problems).toEqual({});
    await context.close();
  });
});
