import { describe, expect, it } from 'vitest';
import type { DeadLetterInfo } from '../../widget/core/public-types.ts';
import { answerSurvey, DEMO_ONLY_SITE_KEY, useEmbedStack, watchPage } from './embed-harness.ts';

// Issue 14, item 12: a set-up the collector refuses (a wrong site key, an origin the key does not
// list) used to fail silently while the learner read "will be sent when you're back online".
const env = useEmbedStack();

type Seen = { errorEvents?: { tag: string; detail: Record<string, unknown> }[] };
type Api = { show(): Promise<boolean>; pending(): Promise<number>; deadLetters(): Promise<DeadLetterInfo[]> };

describe('a set-up the collector refuses', () => {
  it.each([
    [
      'a site key it does not know',
      'my-site-kye',
      'site-key-refused',
      401,
      'unknown siteKey "my-site-kye"',
      'data-site-key',
      '',
    ],
    [
      'a site key it does not know, sent by the service worker',
      'my-site-kye',
      'site-key-refused',
      401,
      'unknown siteKey "my-site-kye"',
      'data-site-key',
      ' data-sw="/outcome-survey-sw.js"',
    ],
    [
      'an origin the site key does not list',
      DEMO_ONLY_SITE_KEY,
      'origin-refused',
      403,
      `is not allowed for siteKey "${DEMO_ONLY_SITE_KEY}"`,
      'to the origins of',
      '',
    ],
  ])(
    'with %s: tells the host by an error event and one console error, and the learner the truth',
    async (_, siteKey, code, status, reason, fix, sw) => {
      const context = await env.browser.newContext();
      const page = await context.newPage();
      const seen = watchPage(page);
      await page.addInitScript(() => {
        document.addEventListener('outcome-survey:error', (e) => {
          const w = window as unknown as Seen;
          w.errorEvents = [
            ...(w.errorEvents ?? []),
            { tag: (e.target as Element).tagName, detail: (e as CustomEvent).detail },
          ];
        });
      });
      await page.goto(
        env.stack.hostPage(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title></head><body><h1>Course</h1>` +
            `<script type="module" src="/outcome-survey.js" data-endpoint="${env.stack.collectorUrl}" data-site-key="${siteKey}" data-survey="career-outcomes" data-locale="en"${sw}></script></body></html>`,
        ),
      );
      await page.waitForFunction(() => 'OutcomeSurvey' in window);
      expect(await page.evaluate(() => (window as unknown as { OutcomeSurvey: Api }).OutcomeSurvey.show())).toBe(true);

      const confirmation = await answerSurvey(page, { consent: false });

      expect(confirmation).toContain('cannot be sent because of a problem with this website’s settings');
      expect(confirmation).not.toContain('back online');
      const events = await page.waitForFunction(() => (window as unknown as Seen).errorEvents);
      const [event] = (await events.jsonValue()) as NonNullable<Seen['errorEvents']>;
      expect(event.tag).toBe('SCRIPT');
      expect(event.detail).toMatchObject({ code, status, siteKey, surveyId: 'career-outcomes' });
      expect(event.detail.reason).toContain(reason);
      const ours = seen.consoleErrors.filter((m) => m.startsWith('outcome-survey:'));
      expect(ours).toHaveLength(1);
      expect(ours[0]).toContain(reason);
      expect(ours[0]).toContain(fix);
      expect(ours[0]).toContain('SITE_KEYS');
      expect(seen.pageErrors).toEqual([]);
      const workers = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
      expect(workers).toBe(sw ? 1 : 0);
      expect(await page.evaluate(() => (window as unknown as { OutcomeSurvey: Api }).OutcomeSurvey.pending())).toBe(1);
      const letters = await page.evaluate(() =>
        (window as unknown as { OutcomeSurvey: Api }).OutcomeSurvey.deadLetters(),
      );
      expect(letters).toEqual([
        {
          id: expect.any(String),
          surveyId: 'career-outcomes',
          code,
          status,
          errors: [{ path: '(batch)', message: expect.stringContaining(reason) }],
          deadAt: expect.any(Number),
        },
      ]);
      await context.close();
    },
  );
});

describe('an origin no site key lists', () => {
  // The same host server under another name: an origin the collector's SITE_KEYS do not name at all,
  // where the refusal used to be a CORS error the page could not read ("Failed to fetch").
  it('reads the collector’s refusal and its reason instead of a network error', async () => {
    const page = await env.browser.newPage();
    const url = new URL(env.stack.hostPage('<!doctype html><title>unlisted</title>'));
    url.hostname = 'localhost';
    await page.goto(url.href);
    const answer = await page.evaluate(async (endpoint) => {
      const res = await fetch(`${endpoint}/v1/responses`, {
        method: 'POST',
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'identity' },
        body: JSON.stringify({ siteKey: 'embed-test-key', responses: [] }),
      });
      return { status: res.status, body: await res.json() };
    }, env.stack.collectorUrl);
    expect(answer).toEqual({
      status: 403,
      body: { error: `origin "${url.origin}" is not allowed for siteKey "embed-test-key"` },
    });
    await page.close();
  });
});
