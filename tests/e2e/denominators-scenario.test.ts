import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ResponseRates } from '../../protocol/response-rates.ts';
import { EXPORT_TOKEN, SITE_KEY, useEmbedStack, watchPage } from './embed-harness.ts';
import { axeViolations } from './fixtures/ui-harness-browser.ts';
import { answerScreen, answerSurvey } from './support/answer-survey.ts';

// Issue 16, "Done when": a roster of learners meets the real widget, service worker, collector and SQLite in
// Chromium; /v1/response-rates then gives exactly the dispositions and AAPOR rates worked out by hand below, and
// the dashboard shows them, axe-clean. Disclosure control is set to exact counts (MIN_CELL=1, ROUND_TO=1,
// MIN_PERCENT_BASE=1) so that six learners can be checked one by one.
const env = useEmbedStack({ env: { MIN_CELL: '1', ROUND_TO: '1', MIN_PERCENT_BASE: '1' } });
const COHORT = 'path-2026-11';
const SURVEY = 'career-outcomes';
const auth = { authorization: `Bearer ${EXPORT_TOKEN}` };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ROSTER = [
  'learner_ref,enrolled_at,completed_at,country,course_id,attr_funding',
  'ana,2026-01-10,2026-11-02,FR,data-101,public_jobseeker',
  'ben,2026-01-10,2026-11-03,FR,data-101,self',
  'cleo,2026-02-01,2026-11-05,GB,web-201,self',
  'dev,2026-02-01,2026-11-06,GB,web-201,public_jobseeker',
  'eve,2026-03-01,2026-11-09,FR,data-101,self',
  'fay,2026-03-01,2026-11-10,GB,web-201,public_jobseeker',
].join('\n');

async function openSurvey(learnerRef: string): Promise<{ page: Page; context: BrowserContext }> {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  watchPage(page);
  await page.goto(
    env.stack.hostPage(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>course</title></head><body><p>Course</p>` +
        `<script type="module" src="/outcome-survey.js" data-endpoint="${env.stack.collectorUrl}"` +
        ` data-site-key="${SITE_KEY}" data-survey="${SURVEY}" data-locale="en" data-trigger="delay:0"` +
        ` data-learner-ref="${learnerRef}"></script></body></html>`,
    ),
  );
  await page.getByRole('button', { name: 'Start' }).waitFor({ timeout: 15_000 });
  return { page, context };
}

/** Resolves once the page's outbox holds no response (acknowledged by the collector). */
const drained = (page: Page) =>
  page.waitForFunction(
    async () =>
      (await (window as unknown as { OutcomeSurvey: { pending(): Promise<number> } }).OutcomeSurvey.pending()) === 0,
    undefined,
    { timeout: 30_000 },
  );

async function rates(): Promise<ResponseRates> {
  const res = await fetch(`${env.stack.collectorUrl}/v1/response-rates?survey=${SURVEY}&cohort=${COHORT}&wave=once`, {
    headers: auth,
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return ResponseRates.parse(await res.json());
}

/** Polls the rates until `check` holds (events and responses arrive on their own schedule), at most 90 s. */
async function ratesWhen(check: (r: ResponseRates) => boolean): Promise<ResponseRates> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const r = await rates();
    if (check(r) || Date.now() > deadline) return r;
    await sleep(200);
  }
}

describe('dispositions and response rates of a roster, end to end', () => {
  it('gives each roster member its disposition, counts the outsider apart, and the dashboard shows the rates', async () => {
    const put = await fetch(`${env.stack.collectorUrl}/v1/cohorts/${COHORT}`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'text/csv' },
      body: ROSTER,
    });
    expect(put.status, await put.clone().text()).toBe(200);
    expect(await put.json()).toMatchObject({ cohort: COHORT, members: 6, added: 6 });

    // ana and ben complete online.
    for (const ref of ['ana', 'ben']) {
      const { page, context } = await openSurvey(ref);
      expect(await answerSurvey(page)).toMatch(/sent|saved/);
      await drained(page);
      await context.close();
    }

    // cleo presses "Don't ask me again" on the intro.
    {
      const { page, context } = await openSurvey('cleo');
      const optOut = page.waitForResponse((r) => r.url().endsWith('/v1/eligibility/opt-out'), { timeout: 15_000 });
      await page.getByRole('button', { name: "Don't ask me again" }).click();
      expect((await optOut).status()).toBe(200);
      await ratesWhen((r) => r.dispositions['2.11'] === 1);
      await context.close();
    }

    // dev starts, answers two questions and closes the survey: a partial far below half of the questions.
    {
      const { page, context } = await openSurvey('dev');
      await page.getByRole('button', { name: 'Start' }).click();
      for (const n of [1, 2]) {
        await page.getByText(`Question ${n} of`).waitFor();
        await answerScreen(page);
        await page.getByRole('button', { name: 'Continue' }).click();
      }
      await page.getByText('Question 3 of').waitFor();
      await page.getByRole('button', { name: 'Close' }).click();
      await drained(page);
      await ratesWhen((r) => r.dispositions['2.12'] === 1);
      await context.close();
    }

    // fay answers while offline; the answers wait on the device and go once the network is back.
    {
      const { page, context } = await openSurvey('fay');
      // Once her "shown" has reached the collector, the sending code is on the device (it loads after the
      // survey is drawn); then the network goes.
      await ratesWhen((r) => r.funnel.shown === 5);
      await context.setOffline(true);
      expect(await answerSurvey(page)).toMatch(/saved/i);
      // Nothing of hers can have reached the collector: two completes still (ana and ben).
      expect((await rates()).dispositions['1.1']).toBe(2);
      // Back online: the device sends on its own schedule (the online cue, else its retry backoff).
      await context.setOffline(false);
      await drained(page);
      await ratesWhen((r) => r.dispositions['1.1'] === 3);
      await context.close();
    }

    // zed is on no roster and answers: counted apart, never a member.
    {
      const { page, context } = await openSurvey('zed');
      await answerSurvey(page);
      await drained(page);
      await context.close();
    }

    // eve is never shown the survey.
    const r = await ratesWhen(
      (x) => x.dispositions['1.1'] === 3 && x.dispositions.outside_roster === 1 && x.funnel.shown === 5,
    );
    // By hand, AAPOR Standard Definitions (10th ed.) with e = 1: I = 3 (ana, ben, fay), P = 0, R = 2 (cleo's
    // refusal 2.11, dev's break-off 2.12), NC = 1 (eve, 2.20), O = 0, unknown eligibility 0; population 6.
    // RR1 = I / (I+P+R+NC+O) = 3/6; RR2 = (I+P)/6 = 3/6; RR3..RR6 the same (no unknown eligibility);
    // COOP1 = COOP2 = I / (I+P+R+O) = 3/5; REF1 = R/6 = 2/6; CON1 = (I+P+R+O)/6 = 5/6.
    expect(r.population).toBe(6);
    expect(r.dispositions).toEqual({
      '1.1': 3,
      '1.2': 0,
      '2.11': 1,
      '2.12': 1,
      '2.20': 1,
      '3.30': 0,
      '3.90': 0,
      '4.10': 0,
      outside_roster: 1,
    });
    const rounded = Object.fromEntries(
      Object.entries(r.rates).map(([k, v]) => [k, v === null ? null : Number(v.toFixed(4))]),
    );
    expect(rounded).toEqual({
      RR1: 0.5,
      RR2: 0.5,
      RR3: 0.5,
      RR4: 0.5,
      RR5: 0.5,
      RR6: 0.5,
      COOP1: 0.6,
      COOP2: 0.6,
      REF1: 0.3333,
      CON1: 0.8333,
    });
    expect(r.funnel).toMatchObject({ shown: 5, started: 4, completed: 3 });

    // The per-member file tells the same story, one row per member.
    const file = await fetch(
      `${env.stack.collectorUrl}/v1/dispositions?survey=${SURVEY}&cohort=${COHORT}&wave=once&format=jsonl`,
      { headers: auth },
    );
    expect(file.status).toBe(200);
    const rows = (await file.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.map((row) => row.disposition).sort()).toEqual(['1.1', '1.1', '1.1', '2.11', '2.12', '2.20']);
    expect(JSON.stringify(rows)).not.toMatch(/"(ana|ben|cleo|dev|eve|fay)"/);

    // The dashboard shows the same figures.
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const seen = watchPage(page);
    await page.goto(`${env.stack.collectorUrl}/v1/dashboard`);
    await page.fill('#token', EXPORT_TOKEN);
    await page.fill('#survey', SURVEY);
    await page.click('#login button[type=submit]');
    await page.waitForSelector('#rates-cohort option', { state: 'attached', timeout: 15_000 });
    await page.selectOption('#rates-cohort', COHORT);
    await page.selectOption('#rates-wave', 'once');
    await page.click('#rates-form button[type=submit]');
    await page.waitForSelector('figure[data-chart=funnel]', { timeout: 15_000 });
    expect(await page.textContent('[data-figure=population]')).toBe('6');
    expect(await page.textContent('[data-figure=RR1]')).toBe('50.0% (n = 6)');
    expect(await page.textContent('[data-figure=RR2]')).toBe('50.0% (n = 6)');
    const table = await page.$$eval('#rates-dispositions tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
    );
    expect(table).toEqual([
      ['Disposition', 'Members'],
      ['Complete (1.1)', '3'],
      ['Partial (1.2)', '0'],
      ['Refusal (2.11)', '1'],
      ['Break-off (2.12)', '1'],
      ['Never shown (2.20)', '1'],
      ['Invitation undelivered (3.30)', '0'],
      ['Not classified (3.90)', '0'],
      ['Not yet due (4.10)', '0'],
      ['Not on the roster', '1'],
    ]);
    expect(await axeViolations(page, null)).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    expect(seen.cspViolations).toEqual([]);
    await context.close();
  });
});
