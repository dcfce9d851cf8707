import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FlushReport } from '../../worker/delivery/flush-report.ts';
import { SITE_KEY, storedIds, useSyncEnv, waitFor } from './fixtures/sync-env.ts';

declare const harness: {
  submit(n: number): Promise<string[]>;
  pending(): Promise<string[]>;
  registerWorker(url?: string): Promise<void>;
  pokeWorker(): Promise<void>;
  messageWorker(): Promise<FlushReport>;
};

const env = useSyncEnv('sync-sw-');

async function openPage(sync: 'off' | 'sw'): Promise<Page> {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(
    `${env.site.origin}/?sync=${sync}&endpoint=${encodeURIComponent(env.collector.url)}&siteKey=${SITE_KEY}`,
  );
  await page.waitForFunction(() => document.title === 'ready');
  return page;
}

describe('the service worker', () => {
  it('is one self-contained file within 5 KB brotli', async () => {
    const code = await readFile(join(env.dir, 'www', 'outcome-survey-sw.js'));
    expect(code.toString()).not.toMatch(/^\s*(import|export)\s/m);
    expect(brotliCompressSync(code).length).toBeLessThanOrEqual(5 * 1024);
  });

  it('drains what the page queued before it, as soon as it starts', async () => {
    const page = await openPage('off');
    const ids = await page.evaluate(() => harness.submit(3));
    expect(await page.evaluate(() => harness.pending())).toHaveLength(3);
    await page.evaluate(() => harness.registerWorker());
    await waitFor(
      'the worker to drain the queue',
      async () => (await page.evaluate(() => harness.pending())).length === 0,
    );
    expect((await storedIds(env.collector.dbPath)).filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    await page.context().close();
  });

  it('drains the queue when the page asks with messageSW and answers with the report', async () => {
    const page = await openPage('off');
    await page.evaluate(() => harness.registerWorker());
    const ids = await page.evaluate(() => harness.submit(4));
    const report = await page.evaluate(() => harness.messageWorker());
    expect(report).toMatchObject({ sent: 4, duplicates: 0, rejected: 0, retried: 0 });
    expect(await page.evaluate(() => harness.pending())).toEqual([]);
    expect((await storedIds(env.collector.dbPath)).filter((id) => ids.includes(id))).toHaveLength(4);
    await page.context().close();
  });

  it('drains the queue when a stopped worker starts again for any event', async () => {
    const page = await openPage('off');
    await page.evaluate(() => harness.registerWorker());
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const ids = await page.evaluate(() => harness.submit(2));
    expect(await page.evaluate(() => harness.pending())).toHaveLength(2);
    await page.evaluate(() => harness.pokeWorker());
    await waitFor(
      'the restarted worker to drain the queue',
      async () => (await page.evaluate(() => harness.pending())).length === 0,
    );
    expect((await storedIds(env.collector.dbPath)).filter((id) => ids.includes(id))).toHaveLength(2);
    await page.context().close();
  });

  it("works inside a host's own worker through importScripts", async () => {
    const page = await openPage('off');
    await page.evaluate(() => harness.registerWorker('/host-sw.js'));
    // The host worker does not claim clients: the page it registered from stays uncontrolled.
    expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
    const ids = await page.evaluate(() => harness.submit(2));
    expect(await page.evaluate(() => harness.messageWorker())).toMatchObject({ sent: 2 });
    expect((await storedIds(env.collector.dbPath)).filter((id) => ids.includes(id))).toHaveLength(2);
    await page.context().close();
  });

  it('delivers through the worker registered by startSync once the collector is back', async () => {
    await env.collector.stop();
    const page = await openPage('sw');
    const [id] = await page.evaluate(() => harness.submit(1));
    expect(await page.evaluate(() => harness.pending())).toEqual([id]);
    await env.collector.start();
    await waitFor(
      'the queue to empty',
      async () => (await page.evaluate(() => harness.pending())).length === 0,
      90_000,
    );
    expect((await storedIds(env.collector.dbPath)).filter((x) => x === id)).toEqual([id]);
    await page.context().close();
  });
});
