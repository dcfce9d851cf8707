import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { routeWorkerPosts } from './fixtures/route-worker-posts.ts';
import { seededRandom } from './fixtures/seeded-random.ts';
import { SITE_KEY, sleep, storedIds, useSyncEnv, waitFor } from './fixtures/sync-env.ts';
import { watchServiceWorker } from './fixtures/watch-service-worker.ts';

declare const harness: {
  submit(n: number): Promise<string[]>;
  pending(): Promise<string[]>;
  deadLetters(): Promise<unknown[]>;
};

const TABS = 5;
const RESPONSES = 200;
const CHAOS_MS = 24_000;
const DRAIN_MS = 20_000;

const env = useSyncEnv('sync-chaos-sw-');

// The twin of sync-chaos.test.ts for the service-worker path. The tabs run the harness in `sw`
// mode: startSync({ swUrl: '/outcome-survey-sw.js' }), exactly what the widget does for data-sw,
// with the worker built from vite.sw.config.ts and served from the host origin. Proof that the
// worker delivered: routeWorkerPosts lets only the worker's POSTs reach the collector (a page's
// fallback POST is refused), so every stored row came through the worker, and every id must have
// been acknowledged to a worker POST for the outbox to end empty.
describe('chaos through the service worker: 5 tabs, a crashing collector, a dropping network, a stopped worker', () => {
  it('ends with every response delivered by the worker, stored exactly once, every outbox empty', {
    timeout: 90_000,
  }, async () => {
    const seed = Number(process.env.SYNC_CHAOS_SEED ?? Date.now() % 1_000_000);
    console.log(`sync-chaos-sw: seed ${seed} (replay with SYNC_CHAOS_SEED=${seed})`);
    const rnd = seededRandom(seed);
    // Its own stream, so how many POSTs a run makes does not shift the chaos schedule.
    const ackRnd = seededRandom(seed + 1);
    const between = (min: number, max: number) => min + Math.floor(rnd() * (max - min));
    const context = await env.browser.newContext();
    let offline = false;
    let losing = true;
    const wire = await routeWorkerPosts(context, env.collector.url, {
      offline: () => offline,
      loseAck: () => losing && ackRnd() < 0.15,
    });
    const url = `${env.site.origin}/?sync=sw&endpoint=${encodeURIComponent(env.collector.url)}&siteKey=${SITE_KEY}`;
    const tabs: Page[] = [];
    for (let i = 0; i < TABS; i++) {
      const tab = await context.newPage();
      await tab.goto(url);
      await tab.waitForFunction(() => document.title === 'ready' && navigator.serviceWorker.controller !== null, null, {
        timeout: 15_000,
      });
      tabs.push(tab);
    }
    const worker = await watchServiceWorker(tabs[0]);
    const events = { crashes: 0, offline: 0, workerStops: 0 };
    // Playwright 1.65's setOffline never settles while the origin's worker is stopped (it waits on
    // that worker's session), so the worker is woken first, as a message from any tab would.
    const offlineFor = async (ms: number) => {
      await worker.wake();
      offline = true;
      await context.setOffline(true);
      await sleep(ms);
      await worker.wake();
      await context.setOffline(false);
      offline = false;
    };
    const submitted: string[] = [];
    const started = Date.now();

    const learners = tabs.map(async (tab) => {
      let left = RESPONSES / TABS;
      while (left > 0) {
        const n = Math.min(left, between(1, 4));
        submitted.push(...(await tab.evaluate((k) => harness.submit(k), n)));
        left -= n;
        // Spread over the chaos period: about 20 bursts of 1 to 3 per tab.
        await sleep(between(200, CHAOS_MS / 12));
      }
    });
    let learning = true;
    const allSubmitted = Promise.all(learners).finally(() => {
      learning = false;
    });

    const chaos = (async () => {
      const hardStop = started + CHAOS_MS + 10_000;
      while ((learning || Date.now() - started < CHAOS_MS) && Date.now() < hardStop) {
        await sleep(between(300, 2000));
        if (rnd() < 0.5) {
          events.crashes++;
          await env.collector.stop('SIGKILL');
          await sleep(between(200, 1500));
          await env.collector.start();
        } else {
          events.offline++;
          await offlineFor(between(200, 1500));
        }
        // Just after the way is clear again, when the worker is most likely mid-flush or mid-POST.
        if (rnd() < 0.6) {
          await sleep(between(0, 400));
          events.workerStops++;
          await worker.stopAll();
        }
      }
    })();
    await Promise.all([allSubmitted, chaos]);
    losing = false;
    const calm = Date.now();

    // Calm again. Backoffs computed during the chaos may run for minutes; the network coming back
    // is the widget's own cue to try everything now (each tab's `online` handler asks the worker).
    await offlineFor(300);
    await waitFor(
      `every outbox to empty (seed ${seed})`,
      async () => (await tabs[0].evaluate(() => harness.pending())).length === 0,
      DRAIN_MS,
    );
    await env.collector.stop('SIGTERM');
    const stored = await storedIds(env.collector.dbPath);

    const u = wire.unacknowledged;
    console.log(
      `sync-chaos-sw seed ${seed}: ${submitted.length} submitted in ${TABS} tabs, ${events.crashes} collector crashes, ` +
        `${events.offline} offline spells, ${events.workerStops} worker stops asked (${worker.stops} stops, ${worker.restarts} restarts, ${worker.syncEvents} sync events); ` +
        `worker POSTs ${wire.posts}: sent ${wire.accepted.length}, duplicates absorbed ${wire.duplicate.length}, ` +
        `retries ${u.collectorDown + u.offline + u.ackLost + u.workerGone} (collector down ${u.collectorDown}, offline ${u.offline}, ` +
        `ack lost ${u.ackLost}, worker gone ${u.workerGone}); page fallback POSTs refused ${wire.pagePostsRefused}; ` +
        `stored ${stored.length}; ${Math.round((calm - started) / 1000)} s of chaos, ${Math.round((Date.now() - calm) / 1000)} s to drain`,
    );
    const replay = `(replay with SYNC_CHAOS_SEED=${seed})`;
    expect(submitted, 'responses the tabs queued').toHaveLength(RESPONSES);
    expect(stored, `rows stored twice in the collector database ${replay}`).toHaveLength(new Set(stored).size);
    expect([...stored].sort(), `ids stored vs ids queued ${replay}`).toEqual([...submitted].sort());
    for (const [t, tab] of tabs.entries()) {
      expect(await tab.evaluate(() => harness.pending()), `tab ${t}'s outbox ${replay}`).toEqual([]);
      expect(await tab.evaluate(() => harness.deadLetters()), `tab ${t}'s dead letters ${replay}`).toEqual([]);
    }
    // Every id left the outbox on an acknowledgement to a worker POST, and none was accepted twice.
    expect(wire.accepted, `ids the collector accepted twice ${replay}`).toHaveLength(new Set(wire.accepted).size);
    const acked = [...new Set([...wire.accepted, ...wire.duplicate])].sort();
    expect(acked, `ids acknowledged to the worker vs ids queued ${replay}`).toEqual([...submitted].sort());
    // The chaos did bite: the worker came back after being stopped, and resends were absorbed.
    expect(worker.restarts, `worker restarts ${replay}`).toBeGreaterThan(0);
    expect(wire.duplicate.length, `duplicates absorbed ${replay}`).toBeGreaterThan(0);
    await context.close();
  });
});
