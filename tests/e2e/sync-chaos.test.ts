import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FlushReport } from '../../worker/delivery/flush-report.ts';
import { seededRandom } from './fixtures/seeded-random.ts';
import { SITE_KEY, sleep, storedIds, useSyncEnv, waitFor } from './fixtures/sync-env.ts';

declare const harness: { submit(n: number): Promise<string[]>; pending(): Promise<string[]>; reports(): FlushReport[] };

const TABS = 5;
const RESPONSES = 200;
const CHAOS_MS = 40_000;

const env = useSyncEnv('sync-chaos-');

describe('chaos: 5 tabs, a collector that crashes, a network that drops', () => {
  it('ends with every response stored exactly once and the queue empty', { timeout: 180_000 }, async () => {
    // Seeded, so a failing run can be replayed with SYNC_CHAOS_SEED.
    const seed = Number(process.env.SYNC_CHAOS_SEED ?? Date.now() % 1_000_000);
    const rnd = seededRandom(seed);
    const between = (min: number, max: number) => min + Math.floor(rnd() * (max - min));
    const context: BrowserContext = await env.browser.newContext();
    const url = `${env.site.origin}/?sync=page&endpoint=${encodeURIComponent(env.collector.url)}&siteKey=${SITE_KEY}`;
    const tabs: Page[] = [];
    for (let i = 0; i < TABS; i++) {
      const tab = await context.newPage();
      await tab.goto(url);
      await tab.waitForFunction(() => document.title === 'ready');
      tabs.push(tab);
    }
    const events = { crashes: 0, offline: 0, lostAcks: 0 };
    // Some acknowledgements are lost on the way back (the collector stored the batch, the page
    // never hears it): the page must send those again, and the collector must absorb them.
    let losing = true;
    await context.route(`${env.collector.url}/v1/responses`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      let answer: Awaited<ReturnType<typeof route.fetch>>;
      try {
        answer = await route.fetch();
      } catch {
        return route.abort('connectionrefused');
      }
      if (losing && rnd() < 0.15) {
        events.lostAcks++;
        return route.abort('connectionreset');
      }
      return route.fulfill({ response: answer });
    });
    const submitted: string[] = [];
    const started = Date.now();

    const learners = tabs.map(async (tab, t) => {
      let left = RESPONSES / TABS;
      while (left > 0) {
        const n = Math.min(left, between(1, 4));
        submitted.push(...(await tab.evaluate((k) => harness.submit(k), n)));
        left -= n;
        // Spread over the chaos period: about 16 bursts of 1 to 3 per tab.
        await sleep(between(300, CHAOS_MS / 9));
      }
      return t;
    });
    let learning = true;
    const allSubmitted = Promise.all(learners).finally(() => {
      learning = false;
    });

    const chaos = (async () => {
      while (learning || Date.now() - started < CHAOS_MS) {
        await sleep(between(300, 2500));
        if (rnd() < 0.5) {
          events.crashes++;
          await env.collector.stop('SIGKILL');
          await sleep(between(200, 3000));
          await env.collector.start();
        } else {
          events.offline++;
          await context.setOffline(true);
          await sleep(between(200, 3000));
          await context.setOffline(false);
        }
      }
    })();
    await Promise.all([allSubmitted, chaos]);
    losing = false;
    const calm = Date.now();

    // Calm again: the collector is up and the network is on; the tabs must finish on their own.
    await waitFor(
      'every queue to empty',
      async () => (await tabs[0].evaluate(() => harness.pending())).length === 0,
      90_000,
    );
    const reports = (await Promise.all(tabs.map((tab) => tab.evaluate(() => harness.reports())))).flat();
    await env.collector.stop('SIGTERM');
    const stored = await storedIds(env.collector.dbPath);

    const sum = (k: 'sent' | 'duplicates' | 'retried' | 'rejected' | 'expired') =>
      reports.reduce((n, r) => n + r[k], 0);
    console.log(
      `chaos seed ${seed}: ${submitted.length} submitted in ${TABS} tabs, ${events.crashes} collector crashes, ${events.offline} offline spells, ${events.lostAcks} acks lost; ` +
        `sent ${sum('sent')}, duplicates absorbed ${sum('duplicates')}, retries ${sum('retried')}, rejected ${sum('rejected')}, ` +
        `flushes ${reports.length} (${reports.filter((r) => r.skipped).length} skipped: another tab held the lock); stored ${stored.length}; ${Math.round((calm - started) / 1000)} s of chaos, ${Math.round((Date.now() - calm) / 1000)} s to drain`,
    );
    expect(submitted).toHaveLength(RESPONSES);
    expect(stored).toHaveLength(new Set(stored).size);
    expect([...stored].sort()).toEqual([...submitted].sort());
    for (const tab of tabs) expect(await tab.evaluate(() => harness.pending())).toEqual([]);
    expect(sum('rejected')).toBe(0);
    expect(sum('duplicates')).toBeGreaterThan(0);
    await context.close();
  });
});
