import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { Bench } from './bench-result.ts';
import { chromiumVersion } from './first-question.ts';
import { fmt } from './stats.ts';
import { latestSurvey, makeResponse } from './survey-responses.ts';
import { DRAIN, FILL_OUTBOX, syncPage } from './sync-page.ts';
import { withWidgetHarness } from './widget-harness.ts';
import type { WireBytes } from './wire-bytes.ts';

const COUNT = Number(process.env.BENCH_SYNC_COUNT ?? 10_000);

export const sync: Bench = {
  id: 'sync',
  title: `Sync: draining ${fmt.int(COUNT)} queued responses from IndexedDB in Chromium`,
  async run(ctx) {
    const def = latestSurvey(ctx.root);
    const result = await withWidgetHarness(ctx, async (h) => {
      h.server.pages.set('/sync.html', syncPage(h.embed, '/dist/outcome-survey.js'));
      const context = await h.browser.newContext();
      try {
        const page = await context.newPage();
        const bodies: { sent: number; plain: number; headers: number }[] = [];
        page.on('requestfinished', async (req) => {
          if (req.method() !== 'POST' || !req.url().endsWith('/v1/responses')) return;
          const body = req.postDataBuffer() ?? Buffer.alloc(0);
          const gz = (await req.headerValue('content-encoding')) === 'gzip';
          const sizes = await req.sizes();
          bodies.push({
            sent: body.length,
            plain: gz ? gunzipSync(body).length : body.length,
            headers: sizes.requestHeadersSize,
          });
        });
        await page.goto(`${h.server.origin}/sync.html`);
        await page.waitForFunction('window.OutcomeSurvey !== undefined', undefined, { timeout: 30_000 });
        const now = Date.now();
        const items = Array.from({ length: COUNT }, (_, i) => ({
          // makeResponse spaces answers 37 s apart: all of them in the past (the collector refuses a submittedAt
          // more than 5 minutes ahead of its clock).
          response: makeResponse(def, i, now - (COUNT + 1) * 37_000),
          to: { endpoint: h.embed.endpoint, siteKey: h.embed.siteKey },
          queuedAt: now,
          attempts: 0,
          nextAttemptAt: now,
        }));
        await page.evaluate(`window.__items = ${JSON.stringify(items)}`);
        await page.evaluate(FILL_OUTBOX);
        const drained = (await page.evaluate(DRAIN)) as { ms: number; left: number; errors: unknown[] };
        await page.waitForTimeout(200); // the last requestfinished events
        const db = new Database(h.databaseUrl.slice('sqlite:'.length), { readonly: true });
        const stored = (db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n;
        db.close();
        return { drained, bodies, stored };
      } finally {
        await context.close();
      }
    });
    if (result.drained.left > 0)
      throw new Error(
        `sync: ${result.drained.left} responses still queued after ${fmt.ms(result.drained.ms)}: ${JSON.stringify(result.drained.errors)}`,
      );
    if (result.stored !== COUNT) throw new Error(`sync: the collector stored ${result.stored} of ${COUNT} responses`);
    const sum = (k: 'sent' | 'plain' | 'headers') => result.bodies.reduce((a, b) => a + b[k], 0);
    const gzipped = result.bodies.some((b) => b.sent !== b.plain);
    const wire: WireBytes = {
      perResponse: sum('plain') / COUNT,
      perResponseGzip: sum('sent') / COUNT,
      batchSize: Math.round(COUNT / result.bodies.length),
      source: `request bodies recorded in Chromium, ${result.bodies.length} POSTs`,
    };
    return {
      rows: [
        {
          measure: `Time to drain ${fmt.int(COUNT)} queued responses`,
          ours: `${(result.drained.ms / 1000).toFixed(1)} s`,
          note: `${fmt.perSecond((COUNT * 1000) / result.drained.ms)}; in-page drain (no data-sw), ${result.bodies.length} POSTs`,
        },
        {
          measure: 'Request body bytes per response, gzip / plain',
          ours: `${wire.perResponseGzip.toFixed(0)} B / ${wire.perResponse.toFixed(0)} B`,
          note: `${gzipped ? 'sent gzipped (CompressionStream)' : 'sent uncompressed'}; + ${(sum('headers') / COUNT).toFixed(1)} B of request headers per response`,
        },
      ],
      data: {
        count: COUNT,
        ms: result.drained.ms,
        posts: result.bodies.length,
        wire,
        gzipped,
        headerBytes: sum('headers'),
      },
      versions: { chromium: chromiumVersion(), survey: `${def.id} v${def.version}` },
      commands: [
        `${fmt.int(COUNT)} items put into IndexedDB "outcome-survey-outbox"/"queue" as enqueue() stores them; OutcomeSurvey.flush() until pending() is 0`,
      ],
    };
  },
};
