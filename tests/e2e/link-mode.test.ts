import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkPageServer } from './fixtures/link-page-server.ts';
import { waitFor } from './fixtures/sync-env.ts';
import { launchChromium } from './support/launch-chromium.ts';

// The widget in link mode on a page like the collector's /s/TOKEN (issue 17, design decision 2), against a stand-in
// collector of its own (tests/e2e/fixtures/link-page-server.ts); the lead's test runs the real one.

let browser: Browser;
let dir: string;
let server: LinkPageServer;

beforeAll(async () => {
  browser = await launchChromium();
  // A snapshot of the build: the hashed chunk names stay put even if dist/ is rebuilt meanwhile.
  dir = mkdtempSync(join(tmpdir(), 'link-mode-'));
  cpSync(join(import.meta.dirname, '../../dist'), dir, { recursive: true });
  server = new LinkPageServer(dir);
  await server.start();
});
afterAll(async () => {
  await server?.stop();
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const question = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(name) });

async function answer(page: Page, name: string, option: string) {
  await question(page, name).getByRole('radio', { name: option }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Opens a link in a fresh browser profile and waits for its worker to control the page (scope /s/). */
async function openLink(token: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => m.type() === 'error' && violations.push(m.text()));
  (page as Page & { violations?: string[] }).violations = violations;
  await page.goto(`${server.origin}/s/${token}`);
  return page;
}

const draftsOnDevice = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('outcome-survey-drafts');
        open.onerror = () => reject(open.error);
        open.onupgradeneeded = () => open.result.createObjectStore('drafts');
        open.onsuccess = () => {
          const all = open.result.transaction('drafts').objectStore('drafts').getAll();
          all.onsuccess = () => resolve(all.result);
          all.onerror = () => reject(all.error);
        };
      }),
  );

describe('a personal link page', () => {
  it('shows the survey at once, carries the link on every record, and resumes after a reload under the same id', async () => {
    const token = 'tok_resume-1';
    const page = await openLink(token);
    // No click, no trigger: the intro is on screen as the page loads.
    await page.getByRole('button', { name: 'Start' }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).scope)).toBe(`${server.origin}/s/`);
    // The collector judged the link before serving the page: the widget asks it nothing else before showing.
    expect(server.requests.filter((r) => r.includes('/v1/eligibility'))).toEqual([]);

    await page.getByRole('button', { name: 'Start' }).click();
    await answer(page, 'What is your main situation now', 'employed');
    await answer(page, 'Which sector', 'it');
    await question(page, 'How much did the training help').waitFor();
    // "Finish later": closing leaves a partial with the answers given (docs/denominators.md).
    await page.getByRole('button', { name: 'Close' }).click();
    await waitFor('the partial to reach the collector', async () =>
      server.responses().some((r) => r.status === 'partial'),
    );
    const partial = server.responses().find((r) => r.status === 'partial') as Record<string, unknown>;
    expect(partial.answers).toEqual({ situation: 'employed', sector: 'it' });

    await page.reload();
    // Back where the learner left: the first question left to answer, the earlier answers kept.
    await question(page, 'How much did the training help').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Back' }).click();
    expect(await question(page, 'Which sector').getByRole('radio', { name: 'it' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Continue' }).click();
    await answer(page, 'How much did the training help', 'a lot');
    await page.getByRole('button', { name: 'Yes, answer them' }).click();
    await answer(page, 'Do you consider yourself disabled', 'no');
    await page.getByRole('button', { name: 'Send answers' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await waitFor('the completion to reach the collector', async () =>
      server.responses().some((r) => r.status !== 'partial'),
    );
    const complete = server.responses().find((r) => r.status !== 'partial') as Record<string, unknown>;
    expect(complete.id).toBe(partial.id);
    expect(complete.answers).toEqual({ situation: 'employed', sector: 'it', helped: 'a_lot', disability: 'no' });
    // Every response and contact event carries the link; the collector takes learner, cohort and wave from it.
    await waitFor('the completed event', async () => server.events().some((e) => e.kind === 'completed'));
    for (const item of server.received.map((r) => r.item)) expect(item.link).toBe(token);
    // Nothing is left to resume once the response is complete.
    await waitFor('the draft to go', async () => (await draftsOnDevice(page)).length === 0);
    expect(
      (page as Page & { violations?: string[] }).violations?.filter((v) => /Content Security Policy/.test(v)),
    ).toEqual([]);
    await page.context().close();
  });

  it('restores the answers after a plain reload', async () => {
    const page = await openLink('tok_reload-2');
    await page.getByRole('button', { name: 'Start' }).click({ timeout: 15_000 });
    await answer(page, 'What is your main situation now', 'looking');
    await question(page, 'Which sector').waitFor();
    await waitFor('the draft to be kept', async () => (await draftsOnDevice(page)).length === 1);
    const [draft] = (await draftsOnDevice(page)) as { answers: unknown; expiresAt: number; savedAt: number }[];
    expect(draft.answers).toEqual({ situation: 'looking' });
    expect(draft.expiresAt - draft.savedAt).toBe(30 * 86_400_000);
    await page.reload();
    await question(page, 'Which sector').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Back' }).click();
    expect(
      await question(page, 'What is your main situation now').getByRole('radio', { name: 'looking' }).isChecked(),
    ).toBe(true);
    await page.context().close();
  });

  it('reloads offline from its service worker, which keeps 200 pages and built files only', async () => {
    const token = 'tok_offline-3';
    const page = await openLink(token);
    await page.getByRole('button', { name: 'Start' }).waitFor({ timeout: 15_000 });
    const url = `${server.origin}/s/${token}`;
    // The first visit loaded everything before the worker existed: it keeps the page and its files when asked.
    await waitFor('the worker to keep the page', async () =>
      page.evaluate(async (u) => (await caches.match(u)) !== undefined, url),
    );
    // Another link's 403 page (opened now, under the worker) is never kept.
    const forged = await page.context().newPage();
    expect((await forged.goto(`${server.origin}/s/forged`))?.status()).toBe(403);
    await forged.close();
    const kept = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) for (const r of await (await caches.open(name)).keys()) urls.push(r.url);
      return { names: await caches.keys(), urls };
    });
    expect(kept.names).toEqual([expect.stringMatching(/^outcome-survey-link-/)]);
    expect(kept.urls).toContain(url);
    expect(kept.urls).toContain(`${server.origin}/s/assets/outcome-survey.js`);
    expect(kept.urls.filter((u) => !u.startsWith(`${server.origin}/s/assets/`) && u !== url)).toEqual([]);

    const port = Number(new URL(server.origin).port);
    await server.stop();
    try {
      await page.reload();
      await page.getByRole('button', { name: 'Start' }).waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Start' }).click();
      await question(page, 'What is your main situation now').waitFor();
    } finally {
      await server.start(port);
    }
    await page.context().close();
  });
});
