import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ar } from '../../widget/i18n/ar.ts';
import type { UiTable } from '../../widget/i18n/en.ts';
import { en } from '../../widget/i18n/en.ts';
import { fr } from '../../widget/i18n/fr.ts';
import { SITE_KEY, useEmbedStack } from './embed-harness.ts';
import { axeViolations } from './fixtures/ui-harness-browser.ts';
import { answerScreen } from './support/answer-survey.ts';
import { screenshotPath } from './support/screenshot-path.ts';

// Issue 19: on a 360 px phone the consent screen's Yes/No buttons were below the fold, and on long
// screens the title and close button scrolled away. On every screen of the real survey, from the intro
// to the confirmation, the close button and the screen's buttons are in view and uncovered without
// scrolling, and still are once Tab has scrolled to the last field; every element Tab and Shift+Tab
// reach is wholly visible (not under the title bar or the actions, not clipped), no control that shows is
// partly under anything at any of those scroll positions (axe's target-size), and axe finds nothing.
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

/**
 * Where an element of the survey's shadow root stands: 'visible' when it lies wholly inside the viewport and
 * every box that clips it, and nothing else is on top at its centre or near its corners; else what is wrong.
 * Runs in the page.
 */
function standing(el: Element | null | undefined): string {
  if (!el) return 'missing';
  const shadow = el.getRootNode() as ShadowRoot;
  const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${el.textContent?.trim().slice(0, 30)}"`;
  const r = el.getBoundingClientRect();
  const inside = (box: { top: number; left: number; bottom: number; right: number }) =>
    r.top >= box.top - 0.5 && r.left >= box.left - 0.5 && r.bottom <= box.bottom + 0.5 && r.right <= box.right + 0.5;
  if (!inside({ top: 0, left: 0, bottom: innerHeight, right: innerWidth }))
    return `${name} is outside the viewport (${Math.round(r.top)}..${Math.round(r.bottom)} of ${innerHeight})`;
  for (let box = el.parentElement; box; box = box.parentElement) {
    if (getComputedStyle(box).overflow === 'visible') continue;
    const b = box.getBoundingClientRect();
    const top = b.top + box.clientTop;
    const left = b.left + box.clientLeft;
    if (!inside({ top, left, bottom: top + box.clientHeight, right: left + box.clientWidth }))
      return `${name} is scrolled out of .${box.className.replaceAll(' ', '.')}`;
  }
  const dx = Math.min(3, r.width / 4);
  const dy = Math.min(3, r.height / 4);
  const points = [
    [r.left + r.width / 2, r.top + r.height / 2],
    [r.left + dx, r.top + dy],
    [r.right - dx, r.top + dy],
    [r.left + dx, r.bottom - dy],
    [r.right - dx, r.bottom - dy],
  ];
  for (const [x, y] of points) {
    const hit = shadow.elementFromPoint(x, y);
    // Its own box, or one holding it (a round radio's corner, a wrapped link's gap): nothing is laid over it.
    if (!hit || !(el.contains(hit) || hit.contains(el)))
      return `${name} is covered by ${hit?.className || hit?.tagName} at ${x},${y}`;
  }
  return 'visible';
}

/**
 * Every control of the dialog that shows at all, wholly or cut off by a scroller's edge, and has something
 * else laid over the part that shows (as a sticky bar lies over a half-scrolled radio): what and by what.
 * Runs in the page.
 */
function coveredControls(): string[] {
  const root = document.querySelector('outcome-survey-dialog')?.shadowRoot?.querySelector('.os-root');
  if (!root) return ['no .os-root in <outcome-survey-dialog>'];
  const shadow = root.getRootNode() as ShadowRoot;
  const found: string[] = [];
  for (const el of root.querySelectorAll('button, input, select, textarea, a[href]')) {
    let { top, left, bottom, right } = el.getBoundingClientRect();
    [top, left, bottom, right] = [
      Math.max(top, 0),
      Math.max(left, 0),
      Math.min(bottom, innerHeight),
      Math.min(right, innerWidth),
    ];
    for (let box = el.parentElement; box; box = box.parentElement) {
      if (getComputedStyle(box).overflow === 'visible') continue;
      const b = box.getBoundingClientRect();
      top = Math.max(top, b.top + box.clientTop);
      left = Math.max(left, b.left + box.clientLeft);
      bottom = Math.min(bottom, b.top + box.clientTop + box.clientHeight);
      right = Math.min(right, b.left + box.clientLeft + box.clientWidth);
    }
    // A sliver under a pixel high at a scroller's edge is hit-tested as whatever the edge rounds to.
    if (bottom - top < 2 || right - left < 2) continue;
    const dx = Math.max(1, Math.min(3, (right - left) / 4));
    const dy = Math.max(1, Math.min(3, (bottom - top) / 4));
    for (const [x, y] of [
      [(left + right) / 2, (top + bottom) / 2],
      [left + dx, top + dy],
      [right - dx, top + dy],
      [left + dx, bottom - dy],
      [right - dx, bottom - dy],
    ]) {
      const hit = shadow.elementFromPoint(x, y);
      if (hit && !el.contains(hit) && !hit.contains(el)) {
        found.push(
          `${el.tagName.toLowerCase()}#${el.id} "${el.textContent?.trim().slice(0, 30)}" under ${hit.className || hit.tagName} at ${Math.round(x)},${Math.round(y)} (${(bottom - top).toFixed(1)} px of it shown)`,
        );
        break;
      }
    }
  }
  return found;
}

/** The close button and the buttons below the screen's scrolling part, each with where it stands. */
function fixedButtons(page: Page) {
  return page.evaluate((standingSource) => {
    const standing = new Function(`return ${standingSource}`)() as (el: Element | null) => string;
    const root = document.querySelector('outcome-survey-dialog')?.shadowRoot?.querySelector('.os-root');
    if (!root) throw new Error('no .os-root in <outcome-survey-dialog>: the survey is not shown');
    const buttons = [
      root.querySelector('.os-close'),
      ...root.querySelectorAll('.os-screen > .os-actions button, .os-screen > button:not(.os-back)'),
    ];
    return Object.fromEntries(buttons.map((el, i) => [`${i}:${el?.textContent?.trim()}`, standing(el)]));
  }, standing.toString());
}

/** Where the focused element stands (or that focus is not in the survey), and the controls covered meanwhile. */
function focusStanding(page: Page): Promise<{ at: string; standing: string; covered: string[] }> {
  return page.evaluate(
    ([standingSource, coveredSource]) => {
      const standing = new Function(`return ${standingSource}`)() as (el: Element | null) => string;
      const covered = (new Function(`return ${coveredSource}`)() as () => string[])();
      const shadow = document.querySelector('outcome-survey-dialog')?.shadowRoot;
      const el = shadow?.activeElement;
      if (!el) return { at: '', standing: 'nothing focused in the survey', covered };
      return { at: `${el.tagName}#${el.id}:${el.textContent?.trim().slice(0, 20)}`, standing: standing(el), covered };
    },
    [standing.toString(), coveredControls.toString()],
  );
}

/** Whether focus is on the first (the close button) or the last focusable element of the dialog. */
function focusAtEnd(page: Page, end: 'first' | 'last'): Promise<boolean> {
  return page.evaluate((end) => {
    const shadow = document.querySelector('outcome-survey-dialog')?.shadowRoot;
    const all = shadow?.querySelectorAll('.os-root :is(button, input, select, textarea, a[href])');
    const wanted = end === 'first' ? all?.[0] : all?.[all.length - 1];
    return Boolean(wanted) && shadow?.activeElement === wanted;
  }, end);
}

/** Tabs from the heading to the last element, then Shift+Tabs back to the close button: where each one stood. */
async function tabThrough(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const [key, end] of [
    ['Tab', 'last'],
    ['Shift+Tab', 'first'],
  ] as const) {
    for (let i = 0; ; i++) {
      if (i === 80) throw new Error(`${key} never reached the ${end} element of the dialog`);
      await page.keyboard.press(key);
      const { at, standing, covered } = await focusStanding(page);
      if (standing !== 'visible') problems.push(`${key} to ${at}: ${standing}`);
      for (const what of covered) problems.push(`${key} to ${at}: ${what}`);
      if (await focusAtEnd(page, end)) break;
    }
  }
  return problems;
}

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

describe.each(LOCALES)('the survey in %s', (locale, country, table) => {
  const t = (key: keyof typeof en) => table[key] || en[key];
  it.each(VIEWPORTS)(
    'keeps the close button, the actions and the focused field in view at $width × $height',
    async (viewport) => {
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
      await heading.waitFor();
      // The intro's figure arrives with the rest chunk, and with it the dialog's layout.
      await page.locator('.os-length', { hasText: /\d/ }).waitFor();
      const problems: Record<string, unknown> = {};
      const seen: string[] = [];
      let previous = '';
      for (let screen = 0; screen < 60; screen++) {
        if (previous)
          await page
            .locator('.os-heading', { hasNotText: exactly(previous) })
            .first()
            .waitFor();
        const title = (await heading.textContent()) ?? '';
        seen.push(title);
        // What a learner sees of the consent screen on a phone, among the pictures npm run screenshots refreshes.
        if (title === t('consentHeading') && viewport.width === 360)
          await page.screenshot({ path: screenshotPath(`phone-${locale}-consent.png`) });
        const covered = await page.evaluate(coveredControls);
        if (covered.length) problems[`${title}: covered`] = covered;
        const before = await fixedButtons(page);
        if (Object.values(before).some((w) => w !== 'visible')) problems[`${title}: buttons`] = before;
        const violations = await axeViolations(page, 'outcome-survey-dialog');
        if (violations.length) problems[`${title}: axe`] = violations;
        await heading.focus();
        const tabbing = await tabThrough(page);
        if (tabbing.length) problems[`${title}: keyboard`] = tabbing;
        // Tab has scrolled to the last element and back: the bar and the actions have not moved away.
        const after = await fixedButtons(page);
        if (Object.values(after).some((w) => w !== 'visible')) problems[`${title}: buttons after Tab`] = after;
        if (title === t('doneHeading')) break;
        previous = title;
        if (title === t('introHeading')) await button('start').click();
        else if (title === t('consentHeading') || title === t('ethnicityHeading')) await button('consentYes').click();
        else if (title === t('checkHeading')) await button('send').click();
        else {
          await answerScreen(page);
          await button('continue').click();
        }
      }
      expect(seen).toContain(t('consentHeading'));
      expect(seen).toContain(t('checkHeading'));
      expect(seen.at(-1)).toBe(t('doneHeading'));
      expect(problems).toEqual({});
      await context.close();
    },
  );
});
