import type { MiddlewareHandler } from 'hono';
import { jsonError, quote } from './json-error.ts';
import type { SiteAccess } from './site-access.ts';

/**
 * CORS for the endpoints the widget calls. A preflight carries no site key, so
 * it is answered for any origin some site key allows; the key-specific check
 * happens on the request itself. Foreign origins get no CORS headers at all.
 */
export function siteCors(sites: SiteAccess): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && sites.allOrigins.has(origin);
    if (c.req.method === 'OPTIONS') {
      if (!allowed) return jsonError(c, 403, `origin ${quote(origin ?? '(none)', 200)} is not allowed by any site key`);
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'Content-Type, Content-Encoding',
        'Access-Control-Max-Age': '86400',
        Vary: 'Origin',
      });
    }
    await next();
    // Two mounts can match one path (/v1/eligibility and /v1/eligibility/*): say it once.
    const vary = c.res.headers.get('vary');
    if (!vary?.split(',').some((v) => v.trim().toLowerCase() === 'origin'))
      c.header('Vary', 'Origin', { append: true });
    if (allowed) {
      c.header('Access-Control-Allow-Origin', origin);
      // Not a CORS-safelisted header: without this the service worker could not honour a 429's wait.
      c.header('Access-Control-Expose-Headers', 'Retry-After');
    }
  };
}
