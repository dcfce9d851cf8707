/** What the link page's worker does with a request (link-page-cache.ts). */
export type LinkCachePolicy = 'asset' | 'page' | 'none';

/**
 * Only two kinds of request are cached, each per URL: the widget's built files under `<scope>assets/` (hashed
 * chunks, so a URL's content never changes: cache first), and the link page itself, `<scope>TOKEN` opened as a
 * navigation (network first, so a spent or expired link shows what the collector says now). Nothing else: the
 * collector's API (`/v1/…`: answers, surveys, eligibility), the unsubscribe pages, the worker script, other
 * origins, anything but GET.
 */
export function linkCachePolicy(
  request: { url: string; method: string; mode: string },
  scope: string,
): LinkCachePolicy {
  if (request.method !== 'GET') return 'none';
  const base = new URL(scope);
  const url = new URL(request.url);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return 'none';
  const rest = url.pathname.slice(base.pathname.length);
  if (/^assets\/[\w.-]+$/.test(rest)) return 'asset';
  // protocol/link-token-text.ts's LINK_TOKEN_PATTERN: one path segment, the token.
  if (request.mode === 'navigate' && /^[\w-]{1,1024}$/.test(rest)) return 'page';
  return 'none';
}
