import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LINK_PAGE_STRINGS, PAGE_LANGUAGES } from '../../../collector/links/link-page-strings.ts';
import { post, response } from '../http/test-app.ts';
import { LINK_KEYS_OFF, linkApp, linkBatch, OWN_ORIGIN } from './link-app.ts';
import { HASHED_CHUNK, widgetFixture } from './widget-fixture.ts';

const dist = widgetFixture();
afterAll(() => rmSync(dist, { recursive: true, force: true }));
const app = (env: Record<string, string> = {}) => linkApp({ WIDGET_DIST: dist, ...env });
type App = ReturnType<typeof app>;

const open = (made: App, path: string, headers: Record<string, string> = {}) => made.app.request(path, { headers });
const h1 = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];
const altered = (token: string) => `${token.slice(0, 30)}${token[30] === 'A' ? 'B' : 'A'}${token.slice(31)}`;
const expiredToken = (made: App) => made.token({ expiresAt: new Date('2026-01-15T00:00:00Z') });

describe('GET /s/:token', () => {
  it('serves the survey page: the widget element with the link, its module script, under the strict policy', async () => {
    const made = app();
    const token = made.token();
    const res = await open(made, `/s/${token}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain(
      `<outcome-survey endpoint="${OWN_ORIGIN}" site-key="personal-link" survey="outcomes" locale="fr" link="${token}" sw="/s/outcome-survey-sw.js"></outcome-survey>`,
    );
    expect(html).toContain('<script type="module" src="/s/assets/outcome-survey.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/s/assets/link-page.css">');
    // No inline script or style for the policy to block.
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="/s/assets/outcome-survey.js">']);
    expect(html).not.toMatch(/<style|\sstyle=/);
  });

  it('sets the page language and direction from the token: Arabic right to left', async () => {
    const made = app();
    const html = await (await open(made, `/s/${made.token({ language: 'ar' })}`)).text();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('locale="ar"');
  });

  it.each([
    ['uk,en;q=0.5', 'uk'],
    ['de-DE, ja;q=0.9', 'ja'],
    ['es;q=0, fr;q=0.2', 'fr'],
    ['de', 'en'],
    [undefined, 'en'],
  ])('takes the browser language where the token names none: Accept-Language %s gives %s', async (accept, lang) => {
    const made = app();
    const html = await (
      await open(made, `/s/${made.token({ language: undefined })}`, accept ? { 'accept-language': accept } : {})
    ).text();
    expect(html).toContain(`<html lang="${lang}"`);
  });

  it('refuses a link with one changed character with 403 in the browser language, and counts it', async () => {
    const made = app();
    const res = await open(made, `/s/${altered(made.token())}`, { 'accept-language': 'es' });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(h1(html)).toBe(LINK_PAGE_STRINGS.es.forged.title);
    expect(html).not.toContain('<outcome-survey');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    await expect
      .poll(() => made.storage.rejectionsByDay())
      .toEqual([{ day: '2026-02-01', siteKey: 'personal-link', reason: 'link_forged', count: 1 }]);
  });

  it('refuses an expired link with 410 in the token language, and counts it', async () => {
    const made = app();
    const res = await open(made, `/s/${expiredToken(made)}`, { 'accept-language': 'es' });
    expect(res.status).toBe(410);
    const html = await res.text();
    expect(h1(html)).toBe(LINK_PAGE_STRINGS.fr.expired.title);
    expect(html).not.toContain('<outcome-survey');
    await expect
      .poll(() => made.storage.rejectionsByDay())
      .toEqual([{ day: '2026-02-01', siteKey: 'personal-link', reason: 'link_expired', count: 1 }]);
  });

  it('says "already answered" once a complete response came through the link, and counts the visit', async () => {
    const made = app();
    const token = made.token();
    await post(made.app, linkBatch([response({ link: token })]), { origin: OWN_ORIGIN });
    const res = await open(made, `/s/${token}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(h1(html)).toBe(LINK_PAGE_STRINGS.fr.answered.title);
    expect(html).not.toContain('<outcome-survey');
    await expect
      .poll(() => made.storage.rejectionsByDay())
      .toEqual([{ day: '2026-02-01', siteKey: 'personal-link', reason: 'link_already_answered', count: 1 }]);
  });

  it('still shows the survey after a partial response, so the learner can go on', async () => {
    const made = app();
    const token = made.token();
    await post(made.app, linkBatch([response({ link: token, status: 'partial' })]), { origin: OWN_ORIGIN });
    expect(await (await open(made, `/s/${token}`)).text()).toContain('<outcome-survey');
  });

  it('says "you will not be asked again" to a learner who opted out, with no survey', async () => {
    const made = app();
    await made.storage.setOptOut(made.ana, 'outcomes');
    const html = await (await open(made, `/s/${made.token()}`)).text();
    expect(h1(html)).toBe(LINK_PAGE_STRINGS.fr.optedOut.title);
    expect(html).not.toContain('<outcome-survey');
  });

  it('answers 404 "closed" for a survey the collector no longer has', async () => {
    const made = app();
    const res = await open(made, `/s/${made.token({ surveyId: 'retired' })}`);
    expect(res.status).toBe(404);
    expect(h1(await res.text())).toBe(LINK_PAGE_STRINGS.fr.closed.title);
  });

  it.each(PAGE_LANGUAGES)('speaks %s on every page', async (language) => {
    const made = app();
    const t = LINK_PAGE_STRINGS[language];
    const pages = [
      [`/s/${expiredToken(made).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}`, t.forged.title],
      [`/s/${made.token({ language, expiresAt: new Date('2026-01-15T00:00:00Z') })}`, t.expired.title],
      [`/s/${made.token({ language })}/unsubscribe`, t.unsubscribe.title],
    ] as const;
    for (const [path, title] of pages) {
      const html = await (await open(made, path, { 'accept-language': language })).text();
      expect(html).toContain(`<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}">`);
      expect(h1(html)).toBe(title);
    }
  });

  it('answers 503 with a plain page on every /s/ address where LINK_KEYS is unset, and logs why', async () => {
    const made = app(LINK_KEYS_OFF);
    for (const path of [`/s/${made.token()}`, '/s/assets/outcome-survey.js', '/s/outcome-survey-sw.js']) {
      const res = await open(made, path);
      expect(res.status).toBe(503);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
    expect(made.log.lines.some((l) => l.event === 'links_off' && String(l.message).includes('LINK_KEYS'))).toBe(true);
  });

  it('points the page at PUBLIC_URL, path prefix included', async () => {
    const made = app({ PUBLIC_URL: 'https://school.example/survey' });
    const html = await (await open(made, `/s/${made.token()}`)).text();
    expect(html).toContain('endpoint="https://school.example/survey"');
    expect(html).toContain('sw="/survey/s/outcome-survey-sw.js"');
    expect(html).toContain('src="/survey/s/assets/outcome-survey.js"');
  });
});

describe('/s/:token/unsubscribe', () => {
  it('shows a one-button form posting the one-click body to itself', async () => {
    const made = app();
    const token = made.token();
    const html = await (await open(made, `/s/${token}/unsubscribe`)).text();
    expect(html).toContain(`<form method="post" action="/s/${token}/unsubscribe">`);
    expect(html).toContain('<input type="hidden" name="List-Unsubscribe" value="One-Click">');
    expect(await made.storage.optedOut(made.ana, 'outcomes')).toBe(false);
  });

  it.each([
    ['a valid link', (m: App) => m.token()],
    ['an expired link', (m: App) => expiredToken(m)],
  ])('records the opt-out on an RFC 8058 one-click POST without cookies, through %s', async (_, make) => {
    const made = app();
    const token = make(made);
    const res = await made.app.request(`/s/${token}/unsubscribe`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(h1(await res.text())).toBe(LINK_PAGE_STRINGS.fr.optedOut.title);
    expect(await made.storage.optedOut(made.ana, 'outcomes')).toBe(true);
  });

  it('refuses a forged link with 403 and records nothing', async () => {
    const made = app();
    const res = await made.app.request(`/s/${altered(made.token())}/unsubscribe`, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(403);
    expect(await made.storage.optedOut(made.ana, 'outcomes')).toBe(false);
  });
});

describe('the widget files under /s/', () => {
  it.each([
    ['outcome-survey.js', 'export const entry = 1;\n', 'no-cache'],
    [HASHED_CHUNK, 'export const rest = 2;\n', 'public, max-age=31536000, immutable'],
  ])('serves %s from WIDGET_DIST as JavaScript', async (name, body, cache) => {
    const res = await open(app(), `/s/assets/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe(cache);
    expect(await res.text()).toBe(body);
  });

  it('serves the page stylesheet, which sets no style inline', async () => {
    const res = await open(app(), '/s/assets/link-page.css');
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await res.text()).toContain('prefers-color-scheme: dark');
  });

  it.each([
    'not-in-the-manifest.js',
    '..%2F..%2Fpackage.json',
    '%2E%2E%2Fpackage.json',
    '.vite%2Fmanifest.json',
    'manifest.json',
  ])('answers 404 for %s, which the build did not list', async (name) => {
    const res = await open(app(), `/s/assets/${name}`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('secret');
  });

  it('serves the link service worker at /s/, so its scope is /s/, revalidated on every visit', async () => {
    const res = await open(app(), '/s/outcome-survey-sw.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await res.text()).toBe('self.linkWorker = true;\n');
  });

  it.each(['/s/assets/outcome-survey.js', '/s/outcome-survey-sw.js'])(
    'answers 503 naming npm run build for %s where the widget is not built',
    async (path) => {
      const res = await open(app({ WIDGET_DIST: join(dist, 'missing') }), path);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build');
    },
  );
});
