import { describe, expect, it } from 'vitest';
import { SITE_KEY, storedIds, useSyncEnv, waitFor } from './fixtures/sync-env.ts';

declare const harness: { submit(n: number): Promise<string[]>; pending(): Promise<string[]> };

const env = useSyncEnv('sync-reload-', { startCollector: false });

describe('a response given while the collector is down', () => {
  it('survives two reloads and arrives exactly once when the collector comes back', async () => {
    const page = await env.browser.newPage();
    const url = `${env.site.origin}/?sync=page&endpoint=${encodeURIComponent(env.collector.url)}&siteKey=${SITE_KEY}`;
    await page.goto(url);
    await page.waitForFunction(() => document.title === 'ready');
    const [id] = await page.evaluate(() => harness.submit(1));
    for (let i = 0; i < 2; i++) {
      await page.reload();
      await page.waitForFunction(() => document.title === 'ready');
      expect(await page.evaluate(() => harness.pending())).toEqual([id]);
    }

    await env.collector.start();
    // No nudge from the test: the page's own retry timer has to deliver it.
    await waitFor(
      'the queue to empty',
      async () => (await page.evaluate(() => harness.pending())).length === 0,
      90_000,
    );

    await env.collector.stop('SIGTERM');
    expect(await storedIds(env.collector.dbPath)).toEqual([id]);
    await page.close();
  });
});
