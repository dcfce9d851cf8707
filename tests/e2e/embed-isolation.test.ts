import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SITE_KEY, useEmbedStack, watchPage } from './embed-harness.ts';

// Issue 5, "weight and isolation": the widget's look survives a hostile host page,
// and it adds no globals but OutcomeSurvey, no global CSS and no layout shift.
const env = useEmbedStack();

type Host = { css?: string; htmlAttributes?: string; widget?: boolean };

/** A host page on an origin the site key allows, with the host's own CSS and no CSP. */
async function openHost(
  host: Host,
): Promise<{ page: Page; seen: ReturnType<typeof watchPage>; close(): Promise<void> }> {
  // Reduced motion: the entry animation would otherwise make opacity depend on timing.
  const context = await env.browser.newContext({ viewport: { width: 1000, height: 800 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const seen = watchPage(page);
  const widget =
    host.widget === false
      ? ''
      : `<script type="module" src="/outcome-survey.js" data-endpoint="${env.stack.collectorUrl}" data-site-key="${SITE_KEY}" data-survey="career-outcomes"></script>`;
  const paragraphs = Array.from(
    { length: 30 },
    (_, i) => `<p>Lesson text ${i + 1}: enough content to scroll and to shift if anything pushed it.</p>`,
  ).join('');
  const html = `<!doctype html><html lang="en" ${host.htmlAttributes ?? ''}><head><meta charset="utf-8"><title>host</title>${host.css ? `<style>${host.css}</style>` : ''}</head><body><main><h1>A course</h1>${paragraphs}</main>${widget}</body></html>`;
  await page.goto(env.stack.hostPage(html));
  return { page, seen, close: () => context.close() };
}

async function showSurvey(page: Page, seen?: ReturnType<typeof watchPage>): Promise<void> {
  const shown = await page.evaluate(() =>
    (window as unknown as { OutcomeSurvey: { show(): Promise<boolean> } }).OutcomeSurvey.show(),
  );
  expect({ shown, errors: seen?.consoleErrors }).toEqual({ shown: true, errors: seen?.consoleErrors && [] });
  await page.getByRole('dialog').waitFor({ timeout: 15_000 });
  // The later screens' chunk brings the rest of the styles (the dialog's scroll layout) and fills the intro's
  // length line; compare styles once it has arrived on both pages, not while one of them is still loading it.
  await page.waitForFunction(
    () => {
      const host = [...document.querySelectorAll('*')].find((el) => el.shadowRoot);
      const line = host?.shadowRoot?.querySelector('.os-length')?.textContent ?? '';
      return line.trim().length > 0;
    },
    undefined,
    { timeout: 15_000 },
  );
}

const PROPERTIES = [
  'color',
  'background-color',
  'font-size',
  'font-family',
  'font-weight',
  'line-height',
  'display',
  'visibility',
  'opacity',
  'direction',
  'text-align',
  'padding-top',
  'padding-left',
  'margin-top',
  'margin-left',
  'border-top-width',
  'border-top-color',
  'border-radius',
  'position',
];

/** Computed styles of every element in the widget's shadow roots, in document order. */
function widgetStyles(page: Page): Promise<string[]> {
  return page.evaluate((properties) => {
    const out: string[] = [];
    for (const host of document.querySelectorAll('*')) {
      if (!host.shadowRoot) continue;
      for (const el of host.shadowRoot.querySelectorAll('*')) {
        const style = getComputedStyle(el);
        // Whole pixels: a zoomed page snaps a 1px border to 0.67px (device pixels), not a style change.
        const value = (p: string) =>
          style.getPropertyValue(p).replace(/\d+\.\d+px/g, (n) => `${Math.round(Number.parseFloat(n))}px`);
        out.push(
          `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${properties.map((p) => `${p}:${value(p)}`).join(';')}`,
        );
      }
    }
    return out;
  }, PROPERTIES);
}

describe('a hostile host page', () => {
  const hostile: [string, Host][] = [
    [
      'global !important font size, colour and hidden buttons',
      {
        css: '*{font-size:40px!important;color:red!important;font-family:serif!important;line-height:3!important}button{display:none!important}div{padding:30px!important;background:yellow!important}',
      },
    ],
    [
      ':root variables with our names',
      { css: ':root{--os-accent:red;--os-accent-dark:red;--os-font:serif;--os-radius:40px;--_fg:red;--_bg:black}' },
    ],
    ['a right-to-left page', { htmlAttributes: 'dir="rtl"' }],
    ['a zoomed page', { css: 'html{zoom:1.5}' }],
  ];

  it.each(hostile)('leaves the widget looking the same: %s', async (_case, host) => {
    const plain = await openHost({});
    await showSurvey(plain.page, plain.seen);
    const expected = await widgetStyles(plain.page);
    await plain.close();

    const page = await openHost(host);
    await showSurvey(page.page);
    const actual = await widgetStyles(page.page);
    expect(page.seen.pageErrors).toEqual([]);
    await page.close();
    expect(expected.length).toBeGreaterThan(5);
    expect(actual).toEqual(expected);
  });
});

describe('the widget on a host page', () => {
  it('adds no global but OutcomeSurvey', async () => {
    const bare = await openHost({ widget: false });
    const before = await bare.page.evaluate(() => Object.keys(window));
    await bare.close();
    const host = await openHost({});
    await showSurvey(host.page);
    const after = await host.page.evaluate(() => Object.keys(window));
    await host.close();
    expect(after.filter((k) => !before.includes(k))).toEqual(['OutcomeSurvey']);
  });

  it('adds no stylesheet to the document', async () => {
    const host = await openHost({ css: 'main{margin:2em}' });
    const count = () =>
      host.page.evaluate(() => ({
        sheets: document.styleSheets.length,
        adopted: document.adoptedStyleSheets.length,
        styles: document.querySelectorAll('style, link[rel=stylesheet]').length,
      }));
    const before = await count();
    await showSurvey(host.page);
    expect(await count()).toEqual(before);
    await host.close();
  });

  it('causes no layout shift while loading and showing the survey', async () => {
    const host = await openHost({});
    await showSurvey(host.page);
    const shift = await host.page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
              if (!entry.hadRecentInput) total += entry.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(total), 500);
        }),
    );
    await host.close();
    expect(shift).toBe(0);
  });

  it('waits for the page to load before running, then shows and downloads nothing until a survey is due', async () => {
    const host = await openHost({});
    const timing = async () =>
      host.page.evaluate(() => {
        const loaded = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd;
        const scripts = performance
          .getEntriesByType('resource')
          .map((r) => ({ name: new URL(r.name).pathname, start: r.startTime }));
        return { loaded, scripts };
      });
    // The survey code's chunk, by the build's own record of it: grouped by vite.config.ts, it is named
    // after its entry ("outcome-survey-outcome-survey-<hash>.js") rather than keyed by it.
    const manifest = JSON.parse(readFileSync(join(env.stack.distDir, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      { file: string }
    >;
    const coreFile = Object.values(manifest)
      .map((c) => c.file)
      .find((f) => /^outcome-survey-outcome-survey-[\w-]{6}\.js$/.test(f));
    if (!coreFile) throw new Error(`no survey-code chunk in ${env.stack.distDir}/.vite/manifest.json`);
    const isCore = (name: string) => name === `/${coreFile}`;
    let seen = await timing();
    for (let i = 0; i < 50 && !seen.scripts.some((s) => isCore(s.name)); i++) {
      await host.page.waitForTimeout(100);
      seen = await timing();
    }
    // The widget answering a call of its own means it has run its start-up past the trigger check,
    // so a survey chunk it meant to fetch would be in the resource timing by now.
    await host.page.evaluate(() =>
      (window as unknown as { OutcomeSurvey: { pending(): Promise<number> } }).OutcomeSurvey.pending(),
    );
    seen = await timing();
    const hosts = await host.page.evaluate(
      () => [...document.querySelectorAll('*')].filter((el) => el.shadowRoot).length,
    );
    await host.close();
    expect(seen.loaded).toBeGreaterThan(0);
    expect(seen.scripts.find((s) => isCore(s.name))?.start).toBeGreaterThanOrEqual(seen.loaded);
    expect(hosts).toBe(0);
    expect(seen.scripts.filter((s) => s.name.includes('mount-survey'))).toEqual([]);
  });
});
