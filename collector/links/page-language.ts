import { PAGE_LANGUAGES, type PageLanguage, RTL_PAGE_LANGUAGES } from './link-page-strings.ts';

const primary = (tag: string) => tag.trim().toLowerCase().split('-')[0] ?? '';
const isPageLanguage = (tag: string): tag is PageLanguage => (PAGE_LANGUAGES as readonly string[]).includes(tag);

/** Accept-Language's tags, best first (RFC 9110 §12.5.4); q=0 means "not this one", a malformed q counts as 1. */
function acceptedTags(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .slice(0, 1024)
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      const weight = q === undefined || Number.isNaN(Number(q)) ? 1 : Number(q);
      return { tag: tag.trim(), weight, i };
    })
    .filter((t) => t.tag !== '' && t.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i)
    .map((t) => t.tag);
}

/**
 * The language a link page speaks (decision 5): the token's when its signature held and it names one of the six,
 * then the browser's Accept-Language, then English.
 */
export function pageLanguage(tokenLanguage: string | undefined, acceptLanguage: string | undefined): PageLanguage {
  for (const tag of [...(tokenLanguage ? [tokenLanguage] : []), ...acceptedTags(acceptLanguage)]) {
    const lang = primary(tag);
    if (isPageLanguage(lang)) return lang;
  }
  return 'en';
}

/** The widget's locale on the survey page: the token's language as written, else the page's. */
export function surveyLocale(tokenLanguage: string | undefined, page: PageLanguage): string {
  return tokenLanguage ?? page;
}

export const directionOf = (tag: string): 'rtl' | 'ltr' => (RTL_PAGE_LANGUAGES.includes(primary(tag)) ? 'rtl' : 'ltr');
