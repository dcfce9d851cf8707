import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../collector/config/load-config.ts';
import { silentLogger } from '../../collector/logging/logger.ts';
import { type RunningCollector, startCollector } from '../../collector/start-collector.ts';
import { type Demo, startDemo } from '../../demo/start-demo.ts';
import { answerSurvey } from './support/answer-survey.ts';
import { launchChromium } from './support/launch-chromium.ts';

// Issue 2: one survey from a learner's page to a researcher's CSV, through the real
// widget, service worker, collector and SQLite, in real Chromium.
const TOKEN = 'walking-skeleton-export-token';
let browser: Browser;
let dir: string;
let collector: RunningCollector | undefined;
let demo: Demo | undefined;

function configFor(demoOrigin: string, port: number) {
  return loadConfig({
    COLLECTOR_PORT: String(port),
    DATABASE_URL: `sqlite:${join(dir, 'outcomes.sqlite')}`,
    EXPORT_TOKEN: TOKEN,
    SITE_KEYS: JSON.stringify({ 'skeleton-key': { origins: [demoOrigin] } }),
  });
}

async function exportedIds(): Promise<string[]> {
  if (!collector) return [];
  const res = await fetch(`${collector.url}/v1/export?format=csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  const [, ...rows] = (await res.text()).trim().split(/\r?\n/);
  return rows.map((row) => row.split(',')[0].replace(/^\uFEFF/, ''));
}

async function waitForExport(count: number): Promise<string[]> {
  for (let i = 0; i < 150; i++) {
    const ids = await exportedIds().catch(() => []);
    if (ids.length >= count) return ids;
    await new Promise((r) => setTimeout(r, 200));
  }
  return exportedIds();
}

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('walking skeleton', () => {
  let port: number;

  async function start(): Promise<void> {
    dir ??= mkdtempSync(join(tmpdir(), 'skeleton-'));
    // The demo needs the collector's URL and the collector needs the demo's origin: reserve the demo port first.
    if (!demo) {
      collector = await startCollector({ config: configFor('http://127.0.0.1:1', 0), port: 0, log: silentLogger });
      port = collector.port;
      demo = await startDemo({ port: 0, host: '127.0.0.1', collectorUrl: collector.url, siteKey: 'skeleton-key' });
      await collector.close();
    }
    collector = await startCollector({ config: configFor(new URL(demo.url).origin, port), port, log: silentLogger });
  }

  afterEach(async () => {
    await collector?.close();
    await demo?.close();
    collector = undefined;
    demo = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined as unknown as string;
  });

  it('delivers a survey answered on the demo page to the CSV export exactly once', async () => {
    await start();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(demo?.url ?? '');
    await page.getByRole('button', { name: 'Finish the course' }).click();
    const confirmation = await answerSurvey(page);
    expect(confirmation).toMatch(/sent|saved/);
    const ids = await waitForExport(1);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    await context.close();
  });

  it('keeps a response answered while the collector is down and delivers it once after a reload', async () => {
    await start();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(demo?.url ?? '');
    await page.getByRole('button', { name: 'Finish the course' }).click();
    // The survey is on screen; the collector goes away while the learner answers.
    await page.getByRole('button', { name: 'Start' }).waitFor();
    await collector?.close();
    expect(await answerSurvey(page)).toMatch(/saved/i);
    await page.reload();
    collector = await startCollector({
      config: configFor(new URL(demo?.url ?? '').origin, port),
      port,
      log: silentLogger,
    });
    await page.reload();
    const ids = await waitForExport(1);
    // Once the device holds nothing (the ack came back and the response left its queue), no second copy can be sent.
    await page.waitForFunction(
      async () =>
        (await (window as unknown as { OutcomeSurvey: { pending(): Promise<number> } }).OutcomeSurvey.pending()) === 0,
      undefined,
      { timeout: 30_000 },
    );
    expect(await exportedIds()).toEqual(ids);
    expect(ids).toHaveLength(1);
    await context.close();
  });

  it('shows the survey kept from an earlier visit while the collector is down, and delivers the answers once it is back', async () => {
    await start();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(demo?.url ?? '');
    // A first visit fetches the survey; the learner says "Not now".
    await page.getByRole('button', { name: 'Give feedback' }).click();
    await page.getByRole('button', { name: 'Not now' }).click();
    await page.getByRole('button', { name: 'Start' }).waitFor({ state: 'detached' });
    await collector?.close();
    // The next visit, with the collector unreachable: the browser's earlier copy of the survey is shown.
    await page.reload();
    await page.getByRole('button', { name: 'Give feedback' }).click();
    expect(await answerSurvey(page)).toMatch(/saved/i);
    collector = await startCollector({
      config: configFor(new URL(demo?.url ?? '').origin, port),
      port,
      log: silentLogger,
    });
    await page.reload();
    expect(await waitForExport(1)).toHaveLength(1);
    await context.close();
  });

  it('shows nothing, with one console error naming the survey address, when the collector is down on a first visit', async () => {
    await start();
    await collector?.close();
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(demo?.url ?? '');
    await page.getByRole('button', { name: 'Give feedback' }).click();
    for (let i = 0; i < 50 && !errors.some((e) => e.startsWith('outcome-survey:')); i++) await page.waitForTimeout(100);
    expect(await page.getByRole('button', { name: 'Start' }).count()).toBe(0);
    expect(errors.filter((e) => e.startsWith('outcome-survey:'))).toEqual([
      expect.stringMatching(/v1\/surveys\/career-outcomes/),
    ]);
    await context.close();
  });
});
