import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDashboard } from './fixtures/dashboard-server.ts';
import { COHORTS, RATE_ANSWERS } from './fixtures/rates-answers.ts';
import { axeViolations } from './fixtures/ui-harness-browser.ts';

const TOKEN = 'dashboard-rates-token-0123456789';

type Env = ReturnType<typeof useDashboard>;

/** A page that records console errors, page errors and CSP violations (each one is also a console error in Chromium). */
async function open(env: Env, width = 1100): Promise<{ page: Page; problems: string[] }> {
  const page = await env.browser.newPage({ viewport: { width, height: 900 }, locale: 'en-US' });
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const w = window as unknown as { cspViolations?: string[] };
      w.cspViolations = [...(w.cspViolations ?? []), `${e.violatedDirective} ${e.blockedURI}`];
    });
  });
  await page.goto(`${env.server.base}/v1/dashboard`);
  return { page, problems };
}

const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);

async function signIn(page: Page): Promise<void> {
  await page.fill('#token', TOKEN);
  await page.fill('#survey', 'outcomes-test');
  await page.click('#login button[type=submit]');
  await page.waitForSelector('figure[data-chart=delivery] svg', { timeout: 15_000 });
}

async function showRates(page: Page, cohort: string, wave: string, by = ''): Promise<void> {
  await page.waitForSelector('#rates-cohort option', { state: 'attached', timeout: 10_000 });
  await page.selectOption('#rates-cohort', cohort);
  await page.selectOption('#rates-wave', wave);
  await page.selectOption('#rates-by', by);
  await page.click('#rates-form button[type=submit]');
}

const rows = (page: Page, table: string) =>
  page.$$eval(`${table} tr`, (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
  );

describe('dashboard response rates', () => {
  const env = useDashboard(TOKEN);

  it('lists the cohorts from GET /v1/cohorts with their member counts, and the waves', async () => {
    const { page } = await open(env);
    expect(await page.isVisible('#rates'), 'section before sign-in').toBe(false);
    await signIn(page);
    await page.waitForSelector('#rates-cohort option', { state: 'attached', timeout: 10_000 });
    expect(
      await page.$$eval('#rates-cohort option', (os) => os.map((o) => [o.getAttribute('value'), o.textContent])),
    ).toEqual([
      ['2025-06', '2025-06 (200 members)'],
      ['2025-07', '2025-07 (1 member)'],
    ]);
    expect(await page.$$eval('#rates-wave option', (os) => os.map((o) => o.getAttribute('value')))).toEqual([
      'm0',
      'm6',
      'm12',
      'once',
    ]);
    expect(await page.textContent('#rates-survey')).toBe('outcomes-test');
    await page.close();
  });

  it('shows the population, every disposition in words with its code, RR1 and RR2, with no CSP violation', async () => {
    const { page, problems } = await open(env);
    await signIn(page);
    await showRates(page, '2025-06', 'm6');
    await page.waitForSelector('figure[data-chart=funnel]', { timeout: 10_000 });
    expect(await page.textContent('[data-figure=population]')).toBe('200');
    // 80 of the 190 eligible members completed; 80 + 20 completed or gave a partial.
    expect(await page.textContent('[data-figure=RR1]')).toBe('42.1% (n = 190)');
    expect(await page.textContent('[data-figure=RR2]')).toBe('52.6% (n = 190)');
    expect(await rows(page, '#rates-dispositions')).toEqual([
      ['Disposition', 'Members'],
      ['Complete (1.1)', '80'],
      ['Partial (1.2)', '20'],
      ['Refusal (2.11)', '15'],
      ['Break-off (2.12)', '25'],
      ['Never shown (2.20)', '50'],
      ['Invitation undelivered (3.30)', '0'],
      ['Not classified (3.90)', '0'],
      ['Not yet due (4.10)', '10'],
      ['Not on the roster', '12'],
    ]);
    expect(await page.textContent('#status')).toBe('Response rates for outcomes-test, cohort 2025-06, wave m6.');
    expect(await page.textContent('#error')).toBe('');
    expect(await axeViolations(page, null)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws the funnel shown → started → each question → completed, its table matching its bars', async () => {
    const { page } = await open(env);
    await signIn(page);
    await showRates(page, '2025-06', 'm6');
    await page.waitForSelector('figure[data-chart=funnel]', { timeout: 10_000 });
    const bars = await page.$$eval('figure[data-chart=funnel] rect.bar', (rects) =>
      rects.map((r) => [r.getAttribute('data-step'), Number(r.getAttribute('data-value'))]),
    );
    expect(bars).toEqual([
      ['shown', 140],
      ['started', 120],
      ['answered:1', 115],
      ['answered:2', 105],
      ['answered:3', 100],
      ['answered:4', 90],
      ['completed', 80],
    ]);
    await page.click('figure[data-chart=funnel] summary');
    const table = await rows(page, '#funnel-table');
    expect(table).toEqual([
      ['Step', 'Members', 'Drop-off from the step before'],
      ['Shown', '140', 'first step'],
      ['Started', '120', '20'],
      ['Answered 1 question', '115', '5'],
      ['Answered 2 questions', '105', '10'],
      ['Answered 3 questions', '100', '5'],
      ['Answered 4 questions', '90', '10'],
      ['Completed', '80', '40'],
    ]);
    expect(table.slice(1).map((r) => Number(r[1]))).toEqual(bars.map(([, value]) => value));
    expect(await page.getByRole('img', { name: /^Funnel for cohort 2025-06, wave m6/ }).count()).toBe(1);
    expect(await axeViolations(page, null)).toEqual([]);
    await page.close();
  });

  it('shows withheld groups as withheld with the reason from `suppressed`, never as zero', async () => {
    const { page, problems } = await open(env, 320);
    await signIn(page);
    await showRates(page, '2025-06', 'm6', 'country');
    await page.waitForSelector('#rates-groups', { timeout: 10_000 });
    const groups = await rows(page, '#rates-groups');
    expect(groups[0]).toEqual([
      'Group',
      'Population',
      'Complete (1.1)',
      'Partial (1.2)',
      'Refusal (2.11)',
      'Break-off (2.12)',
      'Never shown (2.20)',
      'Invitation undelivered (3.30)',
      'Not classified (3.90)',
      'Not yet due (4.10)',
      'RR1',
      'RR2',
    ]);
    expect(groups[1]).toEqual([
      'United Kingdom',
      '180',
      '75',
      '15',
      '15',
      '20',
      '45',
      '0',
      '0',
      '10',
      '44.1% (n = 170)',
      '52.9% (n = 170)',
    ]);
    const rateWithheld = 'withheld: a withheld count, or fewer than 23 eligible members';
    expect(groups[2].slice(0, 3)).toEqual([
      'France',
      'fewer than 10 people (withheld)',
      'fewer than 10 people (withheld)',
    ]);
    expect(groups[2].slice(-2)).toEqual([rateWithheld, rateWithheld]);
    expect(groups[3].slice(0, 3)).toEqual([
      '(not given)',
      'withheld so that another withheld figure cannot be worked out',
      'withheld so that another withheld figure cannot be worked out',
    ]);
    expect(groups.flat().filter((cell) => cell === 'withheld' || cell === '')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(
      0,
    );
    expect(await axeViolations(page, null)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is used with the keyboard alone: cohort, wave, split, submit, then the funnel’s numbers', async () => {
    const { page } = await open(env);
    await signIn(page);
    await page.waitForSelector('#rates-cohort option', { state: 'attached', timeout: 10_000 });
    // The last control before the section: the impact figures' last download button.
    await page.waitForSelector('#impact-figures button.csv', { timeout: 10_000 });
    await page.locator('#impact-figures button.csv').last().focus();
    const tab = async () => {
      await page.keyboard.press('Tab');
      return page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent || '');
    };
    expect(await tab()).toBe('rates-cohort');
    expect(await tab()).toBe('rates-wave');
    await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#rates-wave')).toBe('m6');
    expect(await tab()).toBe('rates-by');
    expect(await tab()).toBe('Show response rates');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(ring, 'focus ring on the rates button').not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForSelector('figure[data-chart=funnel]', { timeout: 10_000 });
    await page.focus('#rates-form button');
    expect(await tab()).toMatch(/^Show the numbers: Funnel for cohort 2025-06, wave m6/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.isVisible('#funnel-table'), { timeout: 5_000 }).toBe(true);
    await page.close();
  });

  it('keeps the figures asked for last when an earlier answer arrives after them', async () => {
    const { page } = await open(env);
    await signIn(page);
    // The m0 answer is held at the network until the m6 one has been drawn, then let through.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/v1\/response-rates\?.*wave=m0/, async (route) => {
      await held;
      await route.fulfill({ json: { ...RATE_ANSWERS[0].body, wave: 'm0', population: 999 } });
    });
    const stale = page.waitForResponse(/wave=m0/);
    await showRates(page, '2025-06', 'm0');
    await showRates(page, '2025-06', 'm6');
    await page.waitForSelector('figure[data-chart=funnel]', { timeout: 10_000 });
    release();
    await (await stale).finished();
    // The page reads the body and draws (or drops) it in the tasks that follow its arrival; a frame waits them out.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(await page.textContent('[data-figure=population]')).toBe('200');
    expect(await page.textContent('#status')).toBe('Response rates for outcomes-test, cohort 2025-06, wave m6.');
    await page.close();
  });

  it('says what the 404 names when a cohort has no answer, keeping the selectors and no figures', async () => {
    const { page } = await open(env);
    await signIn(page);
    await showRates(page, '2025-06', 'm6');
    await page.waitForSelector('figure[data-chart=funnel]', { timeout: 10_000 });
    await showRates(page, '2025-07', 'm12');
    await expect
      .poll(() => page.textContent('#error'), { timeout: 10_000 })
      .toBe(
        '/v1/response-rates: 404 GET /v1/response-rates: cohort "2025-07" has no roster: import it first (PUT /v1/cohorts/2025-07 or npm run cohort -- import); GET /v1/cohorts lists those imported',
      );
    expect(await page.locator('#rates-figures > *').count(), 'figures of the earlier cohort').toBe(0);
    expect(await page.isVisible('#rates-form')).toBe(true);
    expect(await page.locator('#charts figure').count(), 'the report charts stay').toBe(7);
    expect(await axeViolations(page, null)).toEqual([]);
    await page.close();
  });
});

describe('dashboard response rates before any cohort is imported', () => {
  const env = useDashboard(TOKEN, undefined, { cohorts: [] });

  it('says how to import a cohort instead of showing the selectors', async () => {
    const { page, problems } = await open(env);
    await signIn(page);
    await page.waitForSelector('#rates-no-cohort', { timeout: 10_000 });
    expect(await page.textContent('#rates-no-cohort')).toBe(
      'No cohort has been imported yet, so there is no roster to count against. Import the school’s list of learners with npm run cohort -- import --cohort ID FILE.csv (or PUT /v1/cohorts/ID), then show the figures again.',
    );
    expect(await page.isVisible('#rates-form')).toBe(false);
    expect(await axeViolations(page, null)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('dashboard response rates when the token is refused there', () => {
  const env = useDashboard(TOKEN, undefined, { cohorts: COHORTS, token: 'another-token-another-token-0123' });

  it('shows the 401 and no rates section, keeping the report charts', async () => {
    const { page } = await open(env);
    await signIn(page);
    await expect
      .poll(() => page.textContent('#error'), { timeout: 10_000 })
      .toMatch(/^\/v1\/cohorts: 401 wrong bearer token/);
    expect(await page.isVisible('#rates')).toBe(false);
    expect(await page.locator('#charts figure').count()).toBe(7);
    expect(await axeViolations(page, null)).toEqual([]);
    await page.close();
  });
});
