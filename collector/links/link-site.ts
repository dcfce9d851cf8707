// The built-in site key of the collector's own link page (issue 17, GET /s/:token). It exists only when LINK_KEYS
// is set, is allowed from the collector's own origin, and every item posted under it must carry a valid link.

export const LINK_SITE_KEY = 'personal-link';

/** What the link page's refusals are counted as (storage.countRejections under LINK_SITE_KEY). */
export const LINK_PAGE_REFUSALS = ['link_forged', 'link_expired', 'link_already_answered'] as const;
export type LinkPageRefusal = (typeof LINK_PAGE_REFUSALS)[number];

/**
 * The origin the link page is served from: PUBLIC_URL's when set (the address learners reach, whatever a proxy
 * forwards), else the request's own (development and tests).
 */
export function linkPageOrigin(publicUrl: string | undefined, requestUrl: string): string {
  return new URL(publicUrl ?? requestUrl).origin;
}

/** The path the collector is reached under, '' or "/prefix" (PUBLIC_URL may carry one; no trailing slash). */
export function linkBasePath(publicUrl: string | undefined): string {
  return publicUrl === undefined ? '' : new URL(publicUrl).pathname.replace(/\/$/, '');
}
