import { describe, expect, it } from 'vitest';
import { SITE_KEY, useEmbedStack, watchPage } from './embed-harness.ts';

// Issue 5: <outcome-survey> takes the same options as attributes, places the survey
// inline, reacts to attribute changes, and dispatches its events on itself.
const env = useEmbedStack();

async function openElementPage() {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const seen = watchPage(page);
  // Listen before any script runs: the element can show (and dispatch) before a later
  // page.evaluate would attach a listener.
  await page.addInitScript(() => {
    document.addEventListener('outcome-survey:shown', (e) => {
      const w = window as unknown as { shownEvents?: { tag: string; detail: unknown }[] };
      w.shownEvents = [
        ...(w.shownEvents ?? []),
        { tag: (e.target as Element).tagName, detail: (e as CustomEvent).detail },
      ];
    });
  });
  await page.goto(
    env.stack.hostPage(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body><h1>Course</h1>` +
        `<outcome-survey endpoint="${env.stack.collectorUrl}" site-key="${SITE_KEY}" survey="career-outcomes" locale="en"></outcome-survey>` +
        `<script type="module" src="/outcome-survey.js"></script></body></html>`,
    ),
  );
  return { page, seen, close: () => context.close() };
}

describe('<outcome-survey>', () => {
  it('renders the survey inline inside itself and tells the page through a DOM event', async () => {
    const { page, seen, close } = await openElementPage();
    await page.locator('outcome-survey').getByRole('region').waitFor({ timeout: 15_000 });
    const shown = await page.waitForFunction(
      () => (window as unknown as { shownEvents?: { tag: string; detail: unknown }[] }).shownEvents,
    );
    expect(await shown.jsonValue()).toEqual([
      { tag: 'OUTCOME-SURVEY', detail: expect.objectContaining({ surveyId: 'career-outcomes' }) },
    ]);
    expect(await page.locator('outcome-survey').getByRole('button', { name: 'Start' }).isVisible()).toBe(true);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(seen.consoleErrors).toEqual([]);
    await close();
  });

  it('restarts in the new language when an attribute changes', async () => {
    const { page, seen, close } = await openElementPage();
    await page.locator('outcome-survey').getByRole('button', { name: 'Start' }).waitFor({ timeout: 15_000 });
    await page.evaluate(() => document.querySelector('outcome-survey')?.setAttribute('locale', 'fr'));
    await page.locator('outcome-survey').getByRole('button', { name: 'Commencer' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('outcome-survey').getByRole('region').count()).toBe(1);
    expect(seen.pageErrors).toEqual([]);
    await close();
  });

  it('names a broken attribute once and renders nothing', async () => {
    const { page, seen, close } = await openElementPage();
    await page.locator('outcome-survey').getByRole('region').waitFor({ timeout: 15_000 });
    await page.evaluate(() => document.querySelector('outcome-survey')?.setAttribute('country', 'france'));
    for (let i = 0; i < 50 && seen.consoleErrors.length === 0; i++) await page.waitForTimeout(100);
    expect(seen.consoleErrors).toHaveLength(1);
    expect(seen.consoleErrors[0]).toContain('"country"');
    expect(await page.locator('outcome-survey').getByRole('region').count()).toBe(0);
    expect(seen.pageErrors).toEqual([]);
    await close();
  });
});
