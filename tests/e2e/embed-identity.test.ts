import { createHmac } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerSurvey, SITE_KEY, useEmbedStack, watchPage } from './embed-harness.ts';

// Issue 14, item 6: where the site key has a learnerSecret, only a host page that signs its learnerRef
// (data-learner-sig) hears what the collector knows about the learner; an unsigned page is told
// nothing, and what it sends is kept without the ref and marked.
const LEARNER_SECRET = 'embed-identity-learner-secret-0123456789';
const env = useEmbedStack({ learnerSecret: LEARNER_SECRET });

// The Node lines of README "Verifying learner identity", as a host's back end runs them.
const sign = (learnerRef: string) => createHmac('sha256', LEARNER_SECRET).update(learnerRef).digest('hex');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function optOutAtCollector(learnerRef: string) {
  const res = await fetch(`${env.stack.collectorUrl}/v1/eligibility/opt-out`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ siteKey: SITE_KEY, learnerRef, learnerSig: sign(learnerRef), surveyId: 'career-outcomes' }),
  });
  expect(res.status).toBe(200);
}

/** Opens a host page whose script tag carries the ref (and the signature, if given); resolves the eligibility answer. */
async function openHostPage(learnerRef: string, learnerSig?: string) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const seen = watchPage(page);
  const eligibility = page
    .waitForResponse((r) => r.url().endsWith('/v1/eligibility') && r.request().method() === 'POST', {
      timeout: 15_000,
    })
    .then((r) => r.json() as Promise<Record<string, unknown>>);
  const sig = learnerSig ? ` data-learner-sig="${learnerSig}"` : '';
  await page.goto(
    env.stack.hostPage(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body><p>Course</p>` +
        `<script type="module" src="/outcome-survey.js" data-endpoint="${env.stack.collectorUrl}" data-site-key="${SITE_KEY}"` +
        ` data-survey="career-outcomes" data-locale="en" data-trigger="delay:0" data-debug="true"` +
        ` data-learner-ref="${learnerRef}"${sig}></script></body></html>`,
    ),
  );
  return { page, seen, eligibility, close: () => context.close() };
}

const submittedId = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        (
          window as unknown as { OutcomeSurvey: { on(e: string, h: (d: { responseId: string }) => void): void } }
        ).OutcomeSurvey.on('submitted', (d) => resolve(d.responseId)),
      ),
  );

/** The export's learner_ref_status for one response id, once the page has delivered it. */
async function exportedStatus(responseId: string): Promise<string | undefined> {
  for (let i = 0; i < 60; i++) {
    const [header, ...rows] = (await env.stack.exportCsv())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split(/\r?\n/);
    const row = rows.find((r) => r.startsWith(`${responseId},`));
    if (row) return row.split(',')[header.split(',').indexOf('learner_ref_status')];
    await sleep(250);
  }
  return undefined;
}

describe('a host page where the site key has a learnerSecret', () => {
  it('with a signed ref hears that the learner opted out, and does not ask', async () => {
    await optOutAtCollector('ana');
    const { page, seen, eligibility, close } = await openHostPage('ana', sign('ana'));
    const notAsking = page.waitForEvent('console', {
      predicate: (m) => m.text().includes('not asking'),
      timeout: 15_000,
    });
    expect(await eligibility).toEqual({ eligible: false, reason: 'opted_out', answeredWaves: [] });
    expect((await notAsking).text()).toContain('collector says opted_out');
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(seen.pageErrors).toEqual([]);
    await close();
  });

  it('with the same ref unsigned is told nothing about the learner, and what it sends is kept without the ref', async () => {
    await optOutAtCollector('ana');
    const { page, seen, eligibility, close } = await openHostPage('ana');
    expect(await eligibility).toEqual({ eligible: true, reason: 'unverified', answeredWaves: [] });
    await page.getByRole('dialog').waitFor({ timeout: 15_000 });
    const submitted = submittedId(page);
    await answerSurvey(page, { consent: false });
    expect(await exportedStatus(await submitted)).toBe('unverified');
    expect(seen.pageErrors).toEqual([]);
    await close();
  });

  it('with a signed ref sends a response the export attributes to the learner', async () => {
    const { page, seen, eligibility, close } = await openHostPage('cara', sign('cara'));
    expect(await eligibility).toEqual({ eligible: true, answeredWaves: [] });
    await page.getByRole('dialog').waitFor({ timeout: 15_000 });
    const submitted = submittedId(page);
    await answerSurvey(page, { consent: false });
    expect(await exportedStatus(await submitted)).toBe('verified');
    expect(seen.pageErrors).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    await close();
  });
});
