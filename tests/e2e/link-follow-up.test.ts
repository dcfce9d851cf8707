import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../collector/config/load-config.ts';
import { learnerHash } from '../../collector/ingest/learner-hash.ts';
import { parseLinkKeys } from '../../collector/links/link-keys.ts';
import { signLinkToken } from '../../collector/links/link-token.ts';
import { silentLogger } from '../../collector/logging/logger.ts';
import { type RunningCollector, startCollector } from '../../collector/start-collector.ts';
import { freePort } from '../support/free-port.ts';
import { watchPage } from './embed-harness.ts';
import { axeViolations } from './fixtures/ui-harness-browser.ts';
import { answerSurvey, FRENCH_LABELS } from './support/answer-survey.ts';
import { parseCsv } from './support/export-rows.ts';
import { launchChromium } from './support/launch-chromium.ts';

// Issue 17's "done when", end to end against the real collector and real Chromium: a roster is imported, its
// members invited over HTTP, one link answered in French and exported against its cohort and wave, the same link
// opened again ("already answered", nothing more stored), a changed token (403) and an expired one (410), a link
// answered while the collector is down and stored exactly once after it comes back, axe-clean pages in English and
// Arabic, and a reminder run that selects exactly those still without a complete response.

const EXPORT_TOKEN = 'link-e2e-export-token-0123456789';
const LEARNER_REF_SECRET = 'link-e2e-learner-ref-secret-0123456789';
const LINK_KEYS = JSON.stringify({ k1: Buffer.alloc(32, 7).toString('base64url') });
const SURVEY = 'career-outcomes';
const COHORT = 'grads-2026';
const WAVE = 'm6';
const DAY_MS = 86_400_000;
/** Completed seven months ago: wave m6 is due, m12 is not. */
const completedAt = new Date(Date.now() - 210 * DAY_MS).toISOString().slice(0, 10);
const LEARNERS = ['grad-fr', 'grad-offline', 'grad-ar', 'grad-silent', 'grad-optout'];

type Invitation = { learner_ref: string; url: string; expires_at: string; language: string };
type InvitationAnswer = { invitations: Invitation[]; skipped: { learner_ref: string; reason: string }[] };

let dir: string;
let port: number;
let collector: RunningCollector | undefined;
let browser: Browser;
let base: string;
const links = new Map<string, string>();

async function start(): Promise<void> {
  const config = loadConfig(
    {
      DATABASE_URL: `sqlite:${join(dir, 'outcomes.sqlite')}`,
      EXPORT_TOKEN,
      LEARNER_REF_SECRET,
      LINK_KEYS,
      SITE_KEYS: '{}',
      SURVEYS_DIR: 'surveys',
      WIDGET_DIST: join(dir, 'dist'),
    },
    undefined,
  );
  collector = await startCollector({ config, port, host: '127.0.0.1', log: silentLogger, graceMs: 500 });
}

async function stop(): Promise<void> {
  await collector?.close();
  collector = undefined;
}

const auth = { authorization: `Bearer ${EXPORT_TOKEN}` };

async function api<T>(method: string, path: string, body?: unknown, type = 'application/json'): Promise<T> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...auth, ...(body === undefined ? {} : { 'content-type': type }) },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function exportRows(): Promise<Record<string, string>[]> {
  const res = await fetch(`${base}/v1/export?format=csv&survey=${SURVEY}`, { headers: auth });
  if (!res.ok) throw new Error(`export answered ${res.status}: ${await res.text()}`);
  return parseCsv(await res.text());
}

/** The exported responses that came through this cohort's links. */
async function linkRows(): Promise<Record<string, string>[]> {
  return (await exportRows()).filter((row) => row.cohort === COHORT);
}

async function waitForLinkRows(count: number, ms = 30_000): Promise<Record<string, string>[]> {
  const deadline = Date.now() + ms;
  for (;;) {
    const rows = await linkRows();
    if (rows.length >= count || Date.now() > deadline) return rows;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A roster member's disposition for the wave (GET /v1/dispositions), found by the hash the roster keeps. */
async function dispositionOf(ref: string): Promise<Record<string, string> | undefined> {
  const res = await fetch(`${base}/v1/dispositions?survey=${SURVEY}&cohort=${COHORT}&wave=${WAVE}&format=csv`, {
    headers: auth,
  });
  if (!res.ok) throw new Error(`dispositions answered ${res.status}: ${await res.text()}`);
  const hash = learnerHash(ref, LEARNER_REF_SECRET);
  return parseCsv(await res.text()).find((row) => row.learner_hash === hash);
}

async function openLink(context: BrowserContext, url: string): Promise<{ page: Page; status: number }> {
  const page = await context.newPage();
  const response = await page.goto(url);
  return { page, status: response?.status() ?? 0 };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'link-e2e-'));
  cpSync(join(import.meta.dirname, '../../dist'), join(dir, 'dist'), { recursive: true });
  port = await freePort();
  base = `http://127.0.0.1:${port}`;
  await start();
  const roster = ['learner_ref,completed_at', ...LEARNERS.map((ref) => `${ref},${completedAt}`)].join('\n');
  await api('PUT', `/v1/cohorts/${COHORT}`, `${roster}\n`, 'text/csv');
  const answer = await api<InvitationAnswer>('POST', '/v1/invitations', {
    survey: SURVEY,
    cohort: COHORT,
    wave: WAVE,
    learners: [
      { learner_ref: 'grad-fr', language: 'fr' },
      { learner_ref: 'grad-offline', language: 'en' },
      { learner_ref: 'grad-ar', language: 'ar' },
      { learner_ref: 'grad-silent' },
      { learner_ref: 'grad-optout', language: 'en' },
      { learner_ref: 'not-on-roster' },
    ],
  });
  expect(answer.skipped).toEqual([{ learner_ref: 'not-on-roster', reason: 'not_on_roster' }]);
  for (const invitation of answer.invitations) links.set(invitation.learner_ref, invitation.url);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a personal link, end to end', () => {
  it('is answered in French and exported against its cohort and wave, attributed to the roster member', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const url = links.get('grad-fr') as string;
    expect(new URL(url).pathname).toMatch(/^\/s\/[A-Za-z0-9_-]+$/);
    const { page, status } = await openLink(context, url);
    const seen = watchPage(page);
    expect(status).toBe(200);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    const said = await answerSurvey(page, { consent: true, labels: FRENCH_LABELS });
    expect(said).toContain('Merci');
    const [row, ...more] = await waitForLinkRows(1);
    expect(more).toEqual([]);
    expect(row).toMatchObject({
      locale: 'fr',
      status: 'complete',
      trigger: 'link',
      wave: WAVE,
      cohort: COHORT,
    });
    expect(await dispositionOf('grad-fr')).toMatchObject({ disposition: '1.1', invitations: '1' });
    expect(seen.cspViolations).toEqual([]);
    expect(seen.pageErrors).toEqual([]);
    await context.close();
  }, 120_000);

  it('opened again says "already answered", shows no survey and stores nothing more', async () => {
    const context = await browser.newContext({ locale: 'fr-FR' });
    const { page, status } = await openLink(context, links.get('grad-fr') as string);
    expect(status).toBe(200);
    await expect.poll(() => page.locator('body').textContent()).toMatch(/déjà répondu/i);
    expect(await page.locator('outcome-survey').count()).toBe(0);
    expect(await linkRows()).toHaveLength(1);
    await context.close();
  }, 60_000);

  it.each([
    ['one changed character', 403],
    ['an expiry in the past', 410],
  ])(
    'with %s gets the %i page, no survey, in English and in Arabic, axe-clean',
    async (what, code) => {
      const good = new URL(links.get('grad-silent') as string);
      const token = good.pathname.slice('/s/'.length);
      const bad =
        code === 403
          ? `${token.slice(0, 40)}${token[40] === 'A' ? 'B' : 'A'}${token.slice(41)}`
          : signLinkToken(
              {
                surveyId: SURVEY,
                learnerHash: learnerHash('grad-silent', LEARNER_REF_SECRET),
                cohortId: COHORT,
                wave: WAVE,
                language: 'ar',
                expiresAt: new Date(Date.now() - DAY_MS),
              },
              parseLinkKeys(LINK_KEYS),
              new Date(Date.now() - 30 * DAY_MS),
            );
      for (const locale of ['en-GB', 'ar']) {
        const context = await browser.newContext({ locale });
        const { page, status } = await openLink(context, `${base}/s/${bad}`);
        expect(status, `${what} in ${locale}`).toBe(code);
        expect(await page.locator('outcome-survey').count()).toBe(0);
        // The expired token's signature held, so its own language (Arabic) wins over the browser's.
        const lang = code === 410 || locale === 'ar' ? 'ar' : 'en';
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
        expect(await page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        expect(await axeViolations(page, null)).toEqual([]);
        await context.close();
      }
    },
    90_000,
  );

  it('answered while the collector is down is stored exactly once after it comes back', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const { page } = await openLink(context, links.get('grad-offline') as string);
    await page.getByRole('button', { name: 'Start' }).waitFor();
    // The link page's service worker controls the page before the collector goes away.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await stop();
    const said = await answerSurvey(page, { consent: true });
    expect(said).toMatch(/saved|will be sent/i);
    await start();
    await page.evaluate(() =>
      (window as unknown as { OutcomeSurvey: { flush(): Promise<void> } }).OutcomeSurvey.flush(),
    );
    expect(await waitForLinkRows(2)).toHaveLength(2);
    expect(await dispositionOf('grad-offline')).toMatchObject({ disposition: '1.1' });
    await expect
      .poll(() =>
        page.evaluate(() =>
          (window as unknown as { OutcomeSurvey: { pending(): Promise<number> } }).OutcomeSurvey.pending(),
        ),
      )
      .toBe(0);
    expect(await linkRows()).toHaveLength(2);
    await context.close();
  }, 120_000);

  it.each(['en', 'ar'])(
    'shows the survey page axe-clean in %s',
    async (language) => {
      const ref = language === 'ar' ? 'grad-ar' : 'grad-silent';
      const context = await browser.newContext({ locale: 'en-GB' });
      const { page, status } = await openLink(context, links.get(ref) as string);
      expect(status).toBe(200);
      await page.locator('outcome-survey').getByRole('button').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language === 'ar' ? 'ar' : 'en');
      expect(await axeViolations(page, null)).toEqual([]);
      await context.close();
    },
    60_000,
  );

  it('is followed by a reminder run that selects exactly the members without a complete response or opt-out', async () => {
    const optOut = new URL(links.get('grad-optout') as string);
    const unsubscribe = await fetch(`${optOut.href}/unsubscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribe.status).toBe(200);
    const learners = LEARNERS.map((learner_ref) => ({ learner_ref }));
    const first = await api<InvitationAnswer>('POST', '/v1/invitations', {
      survey: SURVEY,
      cohort: COHORT,
      wave: WAVE,
      learners,
      reminder: true,
      minSpacingDays: 0,
    });
    expect(first.invitations.map((i) => i.learner_ref).sort()).toEqual(['grad-ar', 'grad-silent']);
    expect(Object.fromEntries(first.skipped.map((s) => [s.learner_ref, s.reason]))).toEqual({
      'grad-fr': 'already_answered',
      'grad-offline': 'already_answered',
      'grad-optout': 'opted_out',
    });
    const second = await api<InvitationAnswer>('POST', '/v1/invitations', {
      survey: SURVEY,
      cohort: COHORT,
      wave: WAVE,
      learners,
      reminder: true,
    });
    expect(second.invitations).toEqual([]);
    expect(
      second.skipped
        .filter((s) => s.reason === 'reminded_recently')
        .map((s) => s.learner_ref)
        .sort(),
    ).toEqual(['grad-ar', 'grad-silent']);
  }, 60_000);
});
