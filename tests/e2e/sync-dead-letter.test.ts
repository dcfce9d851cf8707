import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlushReport } from '../../worker/flush.ts';
import type { DeadLetter } from '../../worker/queued-item.ts';
import {
  buildHarness,
  CollectorProcess,
  freePort,
  launchChromium,
  SITE_KEY,
  serveStatic,
  storedIds,
} from './fixtures/sync-env.ts';

type Harness = {
  submit(n: number, o?: object): Promise<string[]>;
  flush(): Promise<FlushReport>;
  pending(): Promise<string[]>;
  deadLetters(): Promise<DeadLetter[]>;
};
declare const harness: Harness;

let dir: string;
let site: Awaited<ReturnType<typeof serveStatic>>;
let collector: CollectorProcess;
let browser: Browser;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sync-dead-letter-'));
  await buildHarness(join(dir, 'www'));
  site = await serveStatic(join(dir, 'www'));
  collector = new CollectorProcess(await freePort(), join(dir, 'db.sqlite'), site.origin);
  await collector.start();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await collector?.stop('SIGTERM');
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a batch with one invalid response', () => {
  it('stores the others and keeps the bad one in the dead-letter store with the collector message', async () => {
    const page: Page = await browser.newPage();
    await page.goto(`${site.origin}/?sync=off&endpoint=${encodeURIComponent(collector.url)}&siteKey=${SITE_KEY}`);
    await page.waitForFunction(() => document.title === 'ready');
    const good = await page.evaluate(() => harness.submit(2));
    const [bad] = await page.evaluate(() => harness.submit(1, { answers: { situation: 'astronaut' } }));
    const more = await page.evaluate(() => harness.submit(2));

    const report = await page.evaluate(() => harness.flush());

    expect(report).toMatchObject({ sent: 4, rejected: 1, retried: 0 });
    expect(await page.evaluate(() => harness.pending())).toEqual([]);
    const letters = await page.evaluate(() => harness.deadLetters());
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ id: bad, status: 200, to: { endpoint: collector.url, siteKey: SITE_KEY } });
    expect(letters[0].errors).toEqual([
      { path: 'responses[2].answers.situation', message: expect.stringContaining('expected one of') },
    ]);
    expect(letters[0].response).toBeUndefined();
    expect((await storedIds(collector.dbPath)).sort()).toEqual([...good, ...more].sort());
    await page.close();
  });
});
