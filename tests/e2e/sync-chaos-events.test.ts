import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FlushReport } from '../../worker/delivery/flush-report.ts';
import { seededRandom } from './fixtures/seeded-random.ts';
import { SITE_KEY, sleep, storedIds, useSyncEnv, waitFor } from './fixtures/sync-env.ts';

declare const harness: {
  submit(n: number): Promise<string[]>;
  record(n: number): Promise<string[]>;
  pending(): Promise<string[]>;
  reports(): FlushReport[];
};

// sync-chaos.test.ts's storm, with contact events (issue 16) queued beside the responses in the same outbox,
// against the real collector process and its SQLite file: killed with SIGKILL and restarted, the network cut,
// acks dropped after the collector stored the batch.
const TABS = 3;
const RESPONSES = 60;
const EVENTS = 180;
const CHAOS_MS = 25_000;

const env = useSyncEnv('sync-chaos-events-');

/** The contact event ids the collector's SQLite file holds, repeats included. */
function storedEventIds(dbPath: string): string[] {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db.prepare<[], string>('SELECT id FROM contact_events').pluck().all();
  } finally {
    db.close();
  }
}

describe('chaos with contact events: 3 tabs, a collector that crashes, a network that drops, acks lost', () => {
  it('ends with every event and response stored exactly once and every queue empty', { timeout: 150_000 }, async () => {
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
    const chaos = { crashes: 0, offline: 0, lostAcks: 0 };
    let offline = false;
    let losing = true;
    await context.route(`${env.collector.url}/v1/responses`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      // Routed requests are fetched by Playwright from Node, where setOffline does not reach.
      if (offline) return route.abort('internetdisconnected').catch(() => {});
      let answer: Awaited<ReturnType<typeof route.fetch>>;
      try {
        answer = await route.fetch();
      } catch {
        return route.abort('connectionrefused').catch(() => {});
      }
      // Stored, but the page never hears it: it must send those again, and they must be absorbed.
      if (losing && rnd() < 0.2) {
        chaos.lostAcks++;
        return route.abort('connectionreset').catch(() => {});
      }
      return route.fulfill({ response: answer }).catch(() => {});
    });
    const responses: string[] = [];
    const events: string[] = [];
    const started = Date.now();

    const learners = tabs.map(async (tab) => {
      let left = { responses: RESPONSES / TABS, events: EVENTS / TABS };
      while (left.responses > 0 || left.events > 0) {
        const r = Math.min(left.responses, between(0, 3));
        const e = Math.min(left.events, between(1, 9));
        // A learner's steps come before and after the response they lead to.
        events.push(...(await tab.evaluate((k) => harness.record(k), Math.ceil(e / 2))));
        responses.push(...(await tab.evaluate((k) => harness.submit(k), r)));
        events.push(...(await tab.evaluate((k) => harness.record(k), Math.floor(e / 2))));
        left = { responses: left.responses - r, events: left.events - e };
        await sleep(between(300, CHAOS_MS / 8));
      }
    });
    let learning = true;
    const allRecorded = Promise.all(learners).finally(() => {
      learning = false;
    });
    const storm = (async () => {
      while (learning || Date.now() - started < CHAOS_MS) {
        await sleep(between(300, 2500));
        if (rnd() < 0.5) {
          chaos.crashes++;
          await env.collector.stop('SIGKILL');
          await sleep(between(200, 3000));
          await env.collector.start();
        } else {
          chaos.offline++;
          offline = true;
          await context.setOffline(true);
          await sleep(between(200, 3000));
          await context.setOffline(false);
          offline = false;
        }
      }
    })();
    await Promise.all([allRecorded, storm]);
    losing = false;
    const calm = Date.now();

    // Calm again: the tabs must empty their queues on their own.
    await waitFor(
      'every queue to empty',
      async () => (await tabs[0].evaluate(() => harness.pending())).length === 0,
      90_000,
    );
    const reports = (await Promise.all(tabs.map((tab) => tab.evaluate(() => harness.reports())))).flat();
    const sum = (k: 'sent' | 'duplicates' | 'rejected') => reports.reduce((n, r) => n + r[k], 0);
    await env.collector.stop('SIGTERM');
    const storedResponses = await storedIds(env.collector.dbPath);
    const storedEvents = storedEventIds(env.collector.dbPath);
    console.log(
      `chaos-events seed ${seed}: ${responses.length} responses and ${events.length} events in ${TABS} tabs, ` +
        `${chaos.crashes} collector crashes, ${chaos.offline} offline spells, ${chaos.lostAcks} acks lost; ` +
        `sent ${sum('sent')}, duplicates absorbed ${sum('duplicates')}; stored ${storedResponses.length} responses, ` +
        `${storedEvents.length} events; ${Math.round((calm - started) / 1000)} s of chaos, ${Math.round((Date.now() - calm) / 1000)} s to drain`,
    );
    expect(responses).toHaveLength(RESPONSES);
    expect(events).toHaveLength(EVENTS);
    // Stored once: the database holds exactly what the tabs queued, of each kind, each id once.
    expect(storedEvents).toHaveLength(new Set(storedEvents).size);
    expect(storedEvents.toSorted()).toEqual(events.toSorted());
    expect(storedResponses.toSorted()).toEqual(responses.toSorted());
    for (const tab of tabs) expect(await tab.evaluate(() => harness.pending())).toEqual([]);
    expect(sum('rejected')).toBe(0);
    // The storm reached the batches: some were sent again after a lost ack and absorbed as duplicates.
    expect(chaos.lostAcks).toBeGreaterThan(0);
    expect(sum('duplicates')).toBeGreaterThan(0);
    await context.close();
  });
});
