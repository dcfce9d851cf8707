import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FlushReport } from '../../worker/delivery/flush-report.ts';
import type { DeadLetter } from '../../worker/storage/queued-item.ts';
import { SITE_KEY, storedIds, useSyncEnv } from './fixtures/sync-env.ts';

type Harness = {
  submit(n: number, o?: object): Promise<string[]>;
  flush(): Promise<FlushReport>;
  pending(): Promise<string[]>;
  deadLetters(): Promise<DeadLetter[]>;
};
declare const harness: Harness;

const env = useSyncEnv('sync-dead-letter-');

describe('a batch with one invalid response', () => {
  it('stores the others and keeps the bad one in the dead-letter store with the collector message', async () => {
    const page: Page = await env.browser.newPage();
    await page.goto(
      `${env.site.origin}/?sync=off&endpoint=${encodeURIComponent(env.collector.url)}&siteKey=${SITE_KEY}`,
    );
    await page.waitForFunction(() => document.title === 'ready');
    const good = await page.evaluate(() => harness.submit(2));
    const [bad] = await page.evaluate(() => harness.submit(1, { answers: { situation: 'astronaut' } }));
    const more = await page.evaluate(() => harness.submit(2));

    const report = await page.evaluate(() => harness.flush());

    expect(report).toMatchObject({ sent: 4, rejected: 1, retried: 0 });
    expect(await page.evaluate(() => harness.pending())).toEqual([]);
    const letters = await page.evaluate(() => harness.deadLetters());
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ id: bad, status: 200, to: { endpoint: env.collector.url, siteKey: SITE_KEY } });
    expect(letters[0].errors).toEqual([
      { path: 'responses[2].answers.situation', message: expect.stringContaining('expected one of') },
    ]);
    expect(letters[0].response).toBeUndefined();
    expect((await storedIds(env.collector.dbPath)).sort()).toEqual([...good, ...more].sort());
    await page.close();
  });
});
