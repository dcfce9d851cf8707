import type { MiddlewareHandler } from 'hono';

// Decision 2: the link pages run no inline script or style, load only the collector's own files, and hand the
// token in their URL to nobody (no Referer, not even to the collector's own files).
export const LINK_PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; worker-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Every answer under /s/: the policy, no referrer, no sniffing; pages add no-store, files their own caching. */
export function linkPageHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.header('Content-Security-Policy', LINK_PAGE_CSP);
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Content-Type-Options', 'nosniff');
    if (!c.res.headers.has('cache-control')) c.header('Cache-Control', 'no-store');
  };
}
