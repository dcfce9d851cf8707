import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { focused } from './fixtures/ui-harness-browser.ts';
import { type Harness, startHarness } from './fixtures/ui-harness-server.ts';
import { launchChromium } from './support/launch-chromium.ts';

let harness: Harness;
let browser: Browser;

beforeAll(async () => {
  [harness, browser] = await Promise.all([startHarness(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

type Focus = Awaited<ReturnType<typeof focused>>;

/** Presses Tab (at most 40 times) until the focused element matches. */
async function tabTo(page: Page, wanted: (f: Focus) => boolean, what: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (wanted(await focused(page))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${what}; focus is on ${JSON.stringify(await focused(page))}`);
}

const byId = (id: string) => (f: Focus) => f.id === id;
const byText = (text: string) => (f: Focus) => f.tag === 'button' && f.text === text;

async function headingFocused(page: Page): Promise<string> {
  await page.waitForFunction(
    () => document.getElementById('survey-host')?.shadowRoot?.activeElement?.matches('.os-heading') ?? false,
  );
  return (await focused(page)).text;
}

async function open(query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
  await page.goto(harness.url(query));
  await page.waitForSelector('#survey-host .os-heading');
  return page;
}

describe('the survey UI with a keyboard alone', () => {
  it('completes the whole survey with Tab, arrows, Space and Enter', async () => {
    const page = await open('?placement=dialog&outcome=saved');
    await tabTo(page, byText('Start'), 'Start');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toContain('What is your main situation now?');
    await tabTo(page, byId('os-f-situation'), 'the first radio');
    await page.keyboard.press('ArrowDown'); // moves to and selects "Self-employed"
    await tabTo(page, byText('Continue'), 'Continue');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toContain('What has changed');
    await tabTo(page, byId('os-f-changes'), 'the first checkbox');
    await page.keyboard.press('Space');
    await tabTo(page, byText('Continue'), 'Continue');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toContain('When did this change start?');
    await tabTo(page, byId('os-f-started'), 'the month');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown'); // February
    await page.keyboard.press('Tab');
    await page.keyboard.type('2025');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toContain('How much did the training help?');
    await tabTo(page, byId('os-f-helped'), 'the first scale point');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toContain('How many hours');
    await page.keyboard.press('Tab');
    await page.keyboard.type('35');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toContain('Anything else');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Thank you');
    await tabTo(page, byText('Continue'), 'Continue');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toBe('Some questions about you');
    await tabTo(page, byText('Yes, answer them'), 'consent');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toContain('registered as a jobseeker');
    await tabTo(page, byId('os-f-jobseeker'), 'the first radio');
    await page.keyboard.press('Space');
    await tabTo(page, byText('Continue'), 'Continue');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toContain('difficulty');
    await tabTo(page, byId('os-f-wg_seeing'), 'the first row');
    await page.keyboard.press('Space');
    await tabTo(page, byId('os-f-wg_hearing'), 'the second row');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, byText('Continue'), 'Continue');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toBe('Check your answers');
    await tabTo(page, byText('Send answers'), 'Send answers');
    await page.keyboard.press('Enter');
    expect(await headingFocused(page)).toBe('Thank you');
    expect(await page.textContent('#survey-host .os-screen p')).toContain('saved on this device');

    const calls = await page.evaluate(() => (window as unknown as { __harness: unknown }).__harness);
    expect(calls).toEqual({
      submitted: [
        {
          answers: {
            situation: 'self_employed',
            changes: ['new_job'],
            started: '2025-02',
            helped: 'a_lot',
            hours: 35,
            comment: 'Thank you',
            jobseeker: 'yes',
            wg_seeing: 'no_difficulty',
            wg_hearing: 'some_difficulty',
          },
          consentSensitive: true,
          consentGroups: [],
        },
      ],
      dismissed: [],
    });
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () =>
        !document.getElementById('survey-host')?.shadowRoot?.querySelector('.os-root') &&
        (window as unknown as { __harness: { dismissed: string[] } }).__harness.dismissed.length > 0,
    );
    expect(
      await page.evaluate(() => (window as unknown as { __harness: { dismissed: string[] } }).__harness.dismissed),
    ).toEqual(['closed']);
    await page.close();
  });

  it.each([
    ['Escape', 'closed'],
    ['Not now', 'not_now'],
    ["Don't ask me again", 'never'],
  ])('leaves with %s, reporting "%s"', async (key, reason) => {
    const page = await open('?placement=dialog');
    await tabTo(page, byText('Start'), 'Start');
    if (key === 'Escape') await page.keyboard.press('Escape');
    else {
      await tabTo(page, byText(key), key);
      await page.keyboard.press('Enter');
    }
    await page.waitForFunction(
      () =>
        !document.getElementById('survey-host')?.shadowRoot?.querySelector('.os-root') &&
        (window as unknown as { __harness: { dismissed: string[] } }).__harness.dismissed.length > 0,
    );
    expect(
      await page.evaluate(() => (window as unknown as { __harness: { dismissed: string[] } }).__harness.dismissed),
    ).toEqual([reason]);
    await page.close();
  });

  it('lets focus leave the dialog with Tab: nothing traps it', async () => {
    const page = await open('?placement=dialog');
    await tabTo(page, byText('Start'), 'Start');
    for (let i = 0; i < 10 && (await focused(page)).inWidget; i++) await page.keyboard.press('Tab');
    expect((await focused(page)).inWidget).toBe(false);
    await page.close();
  });

  it('is a non-modal dialog named by the survey title', async () => {
    const page = await open('?placement=dialog');
    const role = await page.evaluate(() => {
      const root = document.getElementById('survey-host')?.shadowRoot;
      const el = root?.querySelector('.os-root');
      return {
        role: el?.getAttribute('role'),
        modal: el?.getAttribute('aria-modal'),
        name: root?.getElementById(el?.getAttribute('aria-labelledby') ?? '')?.textContent,
      };
    });
    expect(role).toEqual({ role: 'dialog', modal: null, name: 'Your career since the course' });
    await page.close();
  });
});
