import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AxeViolation, axeViolations } from './fixtures/ui-harness-browser.ts';
import { type Harness, startHarness } from './fixtures/ui-harness-server.ts';
import { type ScreenName, walkScreens } from './fixtures/ui-harness-walk.ts';
import { launchChromium } from './support/launch-chromium.ts';
import { screenshotPath } from './support/screenshot-path.ts';

// Issue 3: "honours prefers-reduced-motion and prefers-color-scheme, and forced-colors mode",
// with the same axe run and 3:1 focus ring as the light scheme (ui-screens, ui-keyboard).
const AXE_SCREENS: ScreenName[] = ['intro', 'error', 'consent', 'check', 'done'];
const SHOT_SCREENS: Partial<Record<ScreenName, string>> = { intro: 'intro', situation: 'question' };

type Media = Parameters<Page['emulateMedia']>[0];
type Mode = 'dark' | 'forced';
const MEDIA: Record<Mode, Media> = { dark: { colorScheme: 'dark' }, forced: { forcedColors: 'active' } };

let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  [harness, browser] = await Promise.all([startHarness(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

async function open(query: string, media: Media): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
  await page.emulateMedia(media);
  await page.goto(harness.url(query));
  await page.waitForSelector('#survey-host .os-heading');
  return page;
}

type Rgba = [number, number, number, number];
function parse(css: string): Rgba {
  const parts = /^rgba?\(([^)]+)\)$/
    .exec(css)?.[1]
    ?.split(/[\s,/]+/)
    .map(Number);
  if (!parts || parts.length < 3 || parts.some(Number.isNaN)) throw new Error(`not an rgb() colour: "${css}"`);
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
}

/** WCAG 2.x relative luminance of `css` drawn over the opaque `under` (system Highlight is translucent). */
function luminance(css: string, under = css): number {
  const [r, g, b, a] = parse(css);
  const [ur, ug, ub, ua] = parse(under);
  if (ua !== 1) throw new Error(`background "${under}" is not opaque`);
  const lin = (c: number, u: number) => {
    const v = (a * c + (1 - a) * u) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r, ur) + 0.7152 * lin(g, ug) + 0.0722 * lin(b, ub);
}
const contrast = (fg: string, bg: string) => {
  const [hi, lo] = [luminance(fg, bg), luminance(bg)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
};

/** The widget's text and background colours, read from its root box. */
function rootColours(page: Page): Promise<{ color: string; background: string }> {
  return page.evaluate(() => {
    const root = document.getElementById('survey-host')?.shadowRoot?.querySelector('.os-root');
    if (!root) throw new Error('no .os-root in the survey host');
    const cs = getComputedStyle(root);
    return { color: cs.color, background: cs.backgroundColor };
  });
}

/** The outline of the focused element in the widget and the first opaque background behind it. */
function focusRing(page: Page) {
  return page.evaluate(() => {
    const el = document.getElementById('survey-host')?.shadowRoot?.activeElement;
    if (!el) throw new Error('nothing in the survey has focus');
    const cs = getComputedStyle(el);
    // The ring sits 2px outside the element, so it is drawn on its parent's background.
    let behind: Element | null = el.parentElement;
    // Forced colours turn 'transparent' into a transparent system colour, so test the alpha, not the value.
    while (behind && /,\s*0\)$/.test(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement;
    return {
      element: `${el.tagName.toLowerCase()}.${el.className}`,
      style: cs.outlineStyle,
      width: Number.parseFloat(cs.outlineWidth),
      color: cs.outlineColor,
      background: behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)',
    };
  });
}

/** Presses Tab (at most 30 times) until the focused element in the widget matches `selector`. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const hit = await page.evaluate(
      (s) => document.getElementById('survey-host')?.shadowRoot?.activeElement?.matches(s) ?? false,
      selector,
    );
    if (hit) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector} in the survey`);
}

describe.each<Mode>(['dark', 'forced'])('the survey UI in %s mode', (mode) => {
  it.each(['en', 'ar'] as const)('has no axe violations on any key screen in %s', async (locale) => {
    const page = await open(`?locale=${locale}`, MEDIA[mode]);
    const violations: Partial<Record<ScreenName, AxeViolation[]>> = {};
    const colours: Partial<Record<ScreenName, { color: string; background: string }>> = {};
    await walkScreens(page, async (screen) => {
      if (AXE_SCREENS.includes(screen)) {
        const found = await axeViolations(page);
        if (found.length) violations[screen] = found;
        colours[screen] = await rootColours(page);
      }
      const shot = SHOT_SCREENS[screen];
      if (locale === 'en' && shot)
        await page.locator('#survey-host').screenshot({ path: screenshotPath(`${mode}-${shot}.png`) });
    });
    expect(violations).toEqual({});
    for (const [screen, { color, background }] of Object.entries(colours)) {
      expect(contrast(color, background), `text contrast on the ${screen} screen`).toBeGreaterThanOrEqual(4.5);
      if (mode === 'dark') {
        expect(luminance(background), `background on the ${screen} screen is dark`).toBeLessThan(0.05);
        expect(luminance(color), `text on the ${screen} screen is light`).toBeGreaterThan(0.7);
      }
    }
    await page.close();
  });

  it.each([
    ['the Start button', '', '.os-actions .os-button:not(.os-secondary)'],
    ['the first radio', 'situation', 'input[type=radio]'],
  ])('draws a focus ring with 3:1 contrast around %s', async (_name, screen, selector) => {
    const page = await open('?locale=en', MEDIA[mode]);
    if (screen) {
      await page.click('#survey-host .os-actions .os-button:not(.os-secondary)');
      await page.waitForSelector('#survey-host input[type=radio]');
    }
    await tabTo(page, selector);
    const ring = await focusRing(page);
    expect(ring.style, `outline style on ${ring.element}`).not.toBe('none');
    expect(ring.width, `outline width on ${ring.element}`).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.color, ring.background), `ring ${ring.color} on ${ring.background}`).toBeGreaterThanOrEqual(3);
    await page.close();
  });
});

describe('the survey UI in forced-colors mode', () => {
  it.each([
    ['radios', 'situation', 'input[type=radio]'],
    ['checkboxes', 'changes', 'input[type=checkbox]'],
    ['buttons', 'situation', '.os-button'],
  ])('keeps %s visible and bordered', async (_name, screen, selector) => {
    const page = await open('?locale=en', MEDIA.forced);
    await page.click('#survey-host .os-actions .os-button:not(.os-secondary)');
    if (screen === 'changes') {
      await page.check('#survey-host input[value=employed]');
      await page.click('#survey-host button[type=submit]');
    }
    await page.waitForSelector(`#survey-host ${selector}`);
    const controls = await page.evaluate((s) => {
      const root = document.getElementById('survey-host')?.shadowRoot;
      const background = getComputedStyle(root?.querySelector('.os-root') as Element).backgroundColor;
      return [...(root?.querySelectorAll(s) ?? [])].map((el) => {
        const cs = getComputedStyle(el);
        const box = el.getBoundingClientRect();
        const native = el instanceof HTMLInputElement;
        return {
          adjust: cs.getPropertyValue('forced-color-adjust'),
          appearance: native ? cs.appearance : 'n/a',
          border: native ? 'native' : `${cs.borderTopStyle} ${cs.borderTopWidth}`,
          visible: box.width >= 16 && box.height >= 16 && cs.visibility === 'visible',
          edge: native ? 'native' : cs.borderTopColor === background ? 'same as background' : 'distinct',
        };
      });
    }, selector);
    expect(controls.length, `${selector} on the ${screen} screen`).toBeGreaterThan(0);
    for (const c of controls) {
      expect(c.adjust).not.toBe('none');
      expect(c.appearance).not.toBe('none');
      expect(c.border).toMatch(/^(native|solid [1-9])/);
      expect(c.visible).toBe(true);
      expect(c.edge).not.toBe('same as background');
    }
    await page.close();
  });
});

describe('the survey dialog and motion', () => {
  it.each([
    ['reduce', 'none'],
    ['no-preference', 'os-in'],
  ] as const)('with prefers-reduced-motion: %s, its opening animation is %s', async (reducedMotion, name) => {
    const page = await open('?placement=dialog', { reducedMotion });
    const animation = await page.evaluate(() => {
      const dialog = document.getElementById('survey-host')?.shadowRoot?.querySelector('.os-dialog');
      if (!dialog) throw new Error('no .os-dialog in the survey host');
      const cs = getComputedStyle(dialog);
      return { name: cs.animationName, transition: cs.transitionDuration };
    });
    expect(animation.name).toBe(name);
    expect(animation.transition).toBe('0s');
    await page.close();
  });
});

// Issue 3 asks for targets of at least 24×24 CSS px; the label also toggles the input, but the
// input itself is meant to be 1.5em of the 16px text (survey-css.ts).
describe('the survey UI target sizes', () => {
  it.each([
    ['radio', 'situation'],
    ['checkbox', 'changes'],
  ])('gives each %s a box of at least 24×24 px', async (type, screen) => {
    const page = await open('?locale=en', {});
    await page.click('#survey-host .os-actions .os-button:not(.os-secondary)');
    if (screen === 'changes') {
      await page.check('#survey-host input[value=employed]');
      await page.click('#survey-host button[type=submit]');
    }
    const input = page.locator(`#survey-host input[type=${type}]`).first();
    const box = await input.boundingBox();
    const fontSize = await input.evaluate((el) => getComputedStyle(el).fontSize);
    const size = `${box?.width}×${box?.height} px at font-size ${fontSize}`;
    expect(box?.width ?? 0, size).toBeGreaterThanOrEqual(24);
    expect(box?.height ?? 0, size).toBeGreaterThanOrEqual(24);
    await page.close();
  });
});
