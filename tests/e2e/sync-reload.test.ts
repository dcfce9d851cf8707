import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildHarness,
  CollectorProcess,
  freePort,
  launchChromium,
  SITE_KEY,
  serveStatic,
  storedIds,
  waitFor,
} from './fixtures/sync-env.ts';

declare const harness: { submit(n: number): Promise<string[]>; pending(): Promise<string[]> };

let dir: string;
let site: Awaited<ReturnType<typeof serveStatic>>;
let collector: CollectorProcess;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sync-reload-'));
  await buildHarness(join(dir, 'www'));
  site = await serveStatic(join(dir, 'www'));
  collector = new CollectorProcess(await freePort(), join(dir, 'db.sqlite'), site.origin);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await collector?.stop('SIGTERM');
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a response given while the collector is down', () => {
  it('survives two reloads and arrives exactly once when the collector comes back', async () => {
    const page = await browser.newPage();
    const url = `${site.origin}/?sync=page&endpoint=${encodeURIComponent(collector.url)}&siteKey=${SITE_KEY}`;
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'ready');
    const [id] = await page.evaluate(() => harness.submit(1));
    for (let i = 0; i < 2; i++) {
      await page.reload();
      await page.waitForFunction(() => document.title === 'ready');
      expect(await page.evaluate(() => harness.pending())).toEqual([id]);
    }

    await collector.start();
    // No nudge from the test: the page's own retry timer has to deliver it.
    await waitFor(
      'the queue to empty',
      async () => (await page.evaluate(() => harness.pending())).length === 0,
      90_000,
    );

    await collector.stop('SIGTERM');
    expect(await storedIds(collector.dbPath)).toEqual([id]);
    await page.close();
  });
});
