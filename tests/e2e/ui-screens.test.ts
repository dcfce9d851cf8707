import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, focused, horizontalOverflow } from './fixtures/ui-harness-browser.ts';
import { type Harness, startHarness } from './fixtures/ui-harness-server.ts';
import { SCREENS, type ScreenName, walkScreens } from './fixtures/ui-harness-walk.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { screenshotPath } from './support/screenshot-path.ts';

let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  [harness, browser] = await Promise.all([startHarness(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

async function open(query: string, viewport = { width: 360, height: 720 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  await page.goto(harness.url(query));
  return page;
}

describe.each(['en', 'ar'] as const)('the survey UI in %s', (locale) => {
  it('has no axe violations, focuses each heading and fits 360 px on every screen', async () => {
    const page = await open(`?locale=${locale}`);
    const violations: Record<string, unknown> = {};
    const visited: ScreenName[] = [];
    await walkScreens(page, async (screen) => {
      visited.push(screen);
      const found = await axeViolations(page);
      if (found.length) violations[screen] = found;
      if (screen !== 'intro') {
        const f = await focused(page);
        expect(f.classes, `focus on the ${screen} screen`).toMatch(
          screen === 'error' ? /os-error-summary/ : /os-heading/,
        );
      }
      expect(await horizontalOverflow(page), `overflow on the ${screen} screen`).toEqual({ page: 0, widget: 0 });
      await page.locator('#survey-host').screenshot({
        path: screenshotPath(`${locale}-${String(SCREENS.indexOf(screen)).padStart(2, '0')}-${screen}.png`),
      });
    });
    expect(visited).toEqual([...SCREENS]);
    expect(violations).toEqual({});
    await page.close();
  });

  it(`lays out ${locale === 'ar' ? 'right to left' : 'left to right'}, whatever the host page says`, async () => {
    const page = await open(`?locale=${locale}`);
    await page.click('#survey-host .os-actions .os-button:not(.os-secondary)');
    await page.waitForSelector('#survey-host input[type=radio]');
    const layout = await page.evaluate(() => {
      const root = document.getElementById('survey-host')?.shadowRoot;
      const box = (s: string) => root?.querySelector(s)?.getBoundingClientRect() ?? new DOMRect();
      const radio = box('.os-choice input');
      const label = box('.os-choice label');
      const rootEl = root?.querySelector('.os-root') as HTMLElement;
      return {
        dir: rootEl.getAttribute('dir'),
        direction: getComputedStyle(rootEl).direction,
        radioBeforeLabel: radio.left < label.left,
        backAtStart: Math.abs(box('.os-back').left - box('.os-heading').left) < 2,
        backAtEnd: Math.abs(box('.os-back').right - box('.os-heading').right) < 2,
      };
    });
    const rtl = locale === 'ar';
    expect(layout).toEqual({
      dir: rtl ? 'rtl' : 'ltr',
      direction: rtl ? 'rtl' : 'ltr',
      radioBeforeLabel: !rtl,
      backAtStart: !rtl,
      backAtEnd: rtl,
    });
    await page.close();
  });
});

describe('the survey UI on a small or zoomed screen', () => {
  it.each([
    ['a 320 px wide dialog', '?placement=dialog', { width: 320, height: 640 }, false],
    ['a 640 px page at 200% zoom', '?placement=inline', { width: 640, height: 800 }, true],
    ['an Arabic 320 px wide dialog', '?placement=dialog&locale=ar', { width: 320, height: 640 }, false],
  ])('never scrolls sideways in %s', async (_name, query, viewport, zoom) => {
    const page = await open(query, viewport);
    if (zoom) await page.evaluate(() => document.documentElement.style.setProperty('zoom', '2'));
    const overflow: Record<string, unknown> = {};
    await walkScreens(page, async (screen) => {
      const o = await horizontalOverflow(page);
      if (o.page > 0 || o.widget > 0) overflow[screen] = o;
    });
    expect(overflow).toEqual({});
    await page.close();
  });
});

describe('the survey UI under the host page', () => {
  it('keeps its own font and colours, and raises no CSP violation', async () => {
    const page = await open('?locale=en');
    await page.waitForSelector('#survey-host .os-heading');
    const styles = await page.evaluate(() => {
      const heading = document.getElementById('survey-host')?.shadowRoot?.querySelector('.os-heading') as HTMLElement;
      const button = document.getElementById('survey-host')?.shadowRoot?.querySelector('.os-button') as HTMLElement;
      const cs = getComputedStyle(heading);
      return {
        color: cs.color,
        font: cs.fontFamily,
        size: cs.fontSize,
        button: getComputedStyle(button).backgroundColor,
        styleTags: document.querySelectorAll('style').length,
      };
    });
    expect(styles.color).not.toBe('rgb(204, 0, 0)');
    expect(styles.font).not.toContain('cursive');
    expect(styles.size).not.toBe('40px');
    expect(styles.button).toBe('rgb(29, 112, 184)');
    expect(styles.styleTags).toBe(0);
    await page.close();
  });
});
