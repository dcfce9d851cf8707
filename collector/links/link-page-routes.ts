import { readFileSync } from 'node:fs';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../http/app-env.ts';
import type { Logger } from '../logging/logger.ts';
import type { Storage } from '../storage/storage.ts';
import type { SurveyRegistry } from '../surveys/survey-registry.ts';
import type { LinkKeys } from './link-keys.ts';
import { linkPageHeaders } from './link-page-headers.ts';
import { linksOffPage, messagePage, surveyPage, unsubscribePage } from './link-page-html.ts';
import { LINK_PAGE_STRINGS, type PageLanguage, type PageText } from './link-page-strings.ts';
import { LINK_SITE_KEY, type LinkPageRefusal, linkBasePath, linkPageOrigin } from './link-site.ts';
import { type LinkPayload, verifyLinkToken } from './link-token.ts';
import { pageLanguage, surveyLocale } from './page-language.ts';
import { WidgetDist, type WidgetLookup } from './widget-dist.ts';

export type LinkPageDeps = {
  storage: Storage;
  surveys: SurveyRegistry;
  /** undefined: links are off, and every /s/ address answers 503. */
  linkKeys: LinkKeys | undefined;
  publicUrl: string | undefined;
  /** The widget's build (WIDGET_DIST), served under /s/assets/. */
  widgetDist: string;
  log: Logger;
  now: () => number;
};

const PAGE_CSS = 'link-page.css';
let pageCss: Buffer | undefined;
const readPageCss = () => {
  pageCss ??= readFileSync(new URL(`./static/${PAGE_CSS}`, import.meta.url));
  return pageCss;
};

type Status = 200 | 403 | 404 | 410 | 503;

/**
 * The collector's own survey page for personal links (issue 17, decisions 2, 5 and 6): GET /s/:token, its
 * unsubscribe page, and the widget's files it loads. Public: the token is the only credential, and no token text,
 * however made, gets a 5xx or a survey it was not signed for.
 */
export function linkPageRoutes(deps: LinkPageDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const dist = new WidgetDist(deps.widgetDist);
  const base = linkBasePath(deps.publicUrl);
  const html = (c: Context, status: Status, body: string) => c.html(body, status, { 'Cache-Control': 'no-store' });
  const message = (c: Context, status: Status, lang: PageLanguage, text: PageText) =>
    html(c, status, messagePage(lang, text, base));

  // Never awaited by the page: a refusal is answered whether or not the count could be written.
  const count = (refusal: LinkPageRefusal) => {
    const day = new Date(deps.now()).toISOString().slice(0, 10);
    Promise.resolve()
      .then(() => deps.storage.countRejections(day, LINK_SITE_KEY, { [refusal]: 1 }))
      .catch((err: unknown) =>
        deps.log.warn({ event: 'rejection_count_failed', day, siteKey: LINK_SITE_KEY, error: (err as Error).message }),
      );
  };

  /** The token's verdict with the page language; `payload` when the signature held (also when expired). */
  const judge = (c: Context, keys: LinkKeys) => {
    const verdict = verifyLinkToken(c.req.param('token'), keys, new Date(deps.now()));
    const payload = verdict.ok || verdict.code === 'expired' ? verdict.payload : undefined;
    return { verdict, payload, lang: pageLanguage(payload?.language, c.req.header('accept-language')) };
  };

  app.use('/s/*', linkPageHeaders());
  app.use('/s/*', async (c, next) => {
    if (deps.linkKeys) return next();
    deps.log.warn({
      event: 'links_off',
      message:
        'a personal link was opened, but LINK_KEYS is not set, so /s/ answers 503: set LINK_KEYS (and PUBLIC_URL) to turn links on (docs/follow-up.md)',
    });
    return html(c, 503, linksOffPage(base));
  });

  const file = (c: Context, found: WidgetLookup) => {
    if (!found.ok) {
      if (found.status === 503) deps.log.warn({ event: 'widget_not_built', message: found.message });
      return c.text(found.message, found.status, { 'Cache-Control': 'no-store' });
    }
    return c.body(new Uint8Array(found.file.body), 200, {
      'Content-Type': found.file.type,
      'Cache-Control': found.file.cacheControl,
    });
  };

  app.get('/s/outcome-survey-sw.js', (c) => file(c, dist.serviceWorker()));
  app.get('/s/assets/:file', (c) => {
    const name = c.req.param('file');
    if (name === PAGE_CSS)
      return c.body(new Uint8Array(readPageCss()), 200, {
        'Content-Type': 'text/css; charset=utf-8',
        'Cache-Control': 'no-cache',
      });
    return file(c, dist.asset(name));
  });

  app.get('/s/:token', async (c) => {
    const keys = deps.linkKeys as LinkKeys;
    const { verdict, lang } = judge(c, keys);
    const t = LINK_PAGE_STRINGS[lang];
    if (!verdict.ok && verdict.code === 'expired') {
      count('link_expired');
      return message(c, 410, lang, t.expired);
    }
    if (!verdict.ok) {
      count('link_forged');
      return message(c, 403, lang, t.forged);
    }
    const p = verdict.payload;
    if (!deps.surveys.latest(p.surveyId)) return message(c, 404, lang, t.closed);
    if (await deps.storage.completedWave(p.learnerHash, p.surveyId, p.wave)) {
      count('link_already_answered');
      return message(c, 200, lang, t.answered);
    }
    if (await deps.storage.optedOut(p.learnerHash, p.surveyId)) return message(c, 200, lang, t.optedOut);
    return html(
      c,
      200,
      surveyPage({
        lang,
        locale: surveyLocale(p.language, lang),
        endpoint: deps.publicUrl ?? linkPageOrigin(undefined, c.req.url),
        base,
        surveyId: p.surveyId,
        token: c.req.param('token'),
      }),
    );
  });

  // Decision 6: the address of every message's List-Unsubscribe. An expired link still unsubscribes: the learner
  // may read an old message long after, and "stop" must keep working.
  const unsubscribable = (
    c: Context,
  ): { ok: true; payload: LinkPayload; lang: PageLanguage } | { ok: false; refused: Response } => {
    const { payload, lang } = judge(c, deps.linkKeys as LinkKeys);
    if (payload) return { ok: true, payload, lang };
    count('link_forged');
    return { ok: false, refused: message(c, 403, lang, LINK_PAGE_STRINGS[lang].forged) };
  };
  app.get('/s/:token/unsubscribe', (c) => {
    const judged = unsubscribable(c);
    if (!judged.ok) return judged.refused;
    return html(c, 200, unsubscribePage(judged.lang, base, c.req.param('token')));
  });
  // RFC 8058 one-click (body "List-Unsubscribe=One-Click", no cookies) and the page's own form post the same body;
  // the body is not required, so a mail client that sends another form still unsubscribes.
  app.post('/s/:token/unsubscribe', async (c) => {
    const judged = unsubscribable(c);
    if (!judged.ok) return judged.refused;
    const { payload, lang } = judged;
    await deps.storage.setOptOut(payload.learnerHash, payload.surveyId, new Date(deps.now()).toISOString());
    return message(c, 200, lang, LINK_PAGE_STRINGS[lang].optedOut);
  });
  return app;
}
