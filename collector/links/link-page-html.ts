import { LINK_PAGE_STRINGS, type PageLanguage, type PageText } from './link-page-strings.ts';
import { LINK_SITE_KEY } from './link-site.ts';
import { directionOf } from './page-language.ts';

// The link pages' HTML: plain documents with no inline script or style, so they run under LINK_PAGE_CSP. Every value
// written into them is escaped, the token included (it is base64url, but the page must not depend on that).

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

function documentOf(lang: string, title: string, base: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${directionOf(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeHtml(base)}/s/assets/link-page.css">
</head>
<body>
${body}
</body>
</html>
`;
}

/** A page that says one thing: a refusal, "already answered", "you will not be asked again". */
export function messagePage(lang: PageLanguage, text: PageText, base: string): string {
  return documentOf(
    lang,
    text.title,
    base,
    `<main class="message">
<h1>${escapeHtml(text.title)}</h1>
<p>${escapeHtml(text.body)}</p>
</main>`,
  );
}

export type SurveyPage = {
  lang: PageLanguage;
  /** The widget's locale: the token's language as written, which may be one the page itself does not speak. */
  locale: string;
  /** The collector's origin and path prefix: the widget posts to it, the page's files are under it. */
  endpoint: string;
  base: string;
  surveyId: string;
  token: string;
};

/**
 * The survey page: the widget's element and its module script, nothing else to run. No trigger: with `link` set the
 * element shows the survey at once, with no eligibility request (the route already decided).
 */
export function surveyPage(p: SurveyPage): string {
  const t = LINK_PAGE_STRINGS[p.lang];
  const attrs = [
    ['endpoint', p.endpoint],
    ['site-key', LINK_SITE_KEY],
    ['survey', p.surveyId],
    ['locale', p.locale],
    ['link', p.token],
    ['sw', `${p.base}/s/outcome-survey-sw.js`],
  ]
    .map(([name, value]) => `${name}="${escapeHtml(value)}"`)
    .join(' ');
  return documentOf(
    p.locale,
    t.survey,
    p.base,
    `<main class="survey">
<outcome-survey ${attrs}></outcome-survey>
<noscript><p>${escapeHtml(t.noscript)}</p></noscript>
</main>
<script type="module" src="${escapeHtml(p.base)}/s/assets/outcome-survey.js"></script>`,
  );
}

/** The unsubscribe page: one button, posting the RFC 8058 one-click body to the page's own address. */
export function unsubscribePage(lang: PageLanguage, base: string, token: string): string {
  const t = LINK_PAGE_STRINGS[lang].unsubscribe;
  return documentOf(
    lang,
    t.title,
    base,
    `<main class="message">
<h1>${escapeHtml(t.title)}</h1>
<p>${escapeHtml(t.body)}</p>
<form method="post" action="${escapeHtml(base)}/s/${escapeHtml(token)}/unsubscribe">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">${escapeHtml(t.button)}</button>
</form>
</main>`,
  );
}

/** Links are off (no LINK_KEYS): a plain page for the learner; the operator reads the log. */
export function linksOffPage(base: string): string {
  return messagePage(
    'en',
    {
      title: 'This survey link is not available right now',
      body: 'Personal survey links are not switched on at this address. Please try again later or contact the school.',
    },
    base,
  );
}
