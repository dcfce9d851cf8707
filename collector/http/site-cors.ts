import type { MiddlewareHandler } from 'hono';
import { jsonError } from './json-error.ts';
import type { SiteAccess } from './site-access.ts';

/**
 * CORS for the endpoints the widget calls. A preflight carries no site key and grants
 * only the sending, so it is answered for any origin; the key-specific check happens
 * on the request itself. An origin no key lists reads only that check's refusal (401/403,
 * its reason in the body), so the widget can say why instead of "Failed to fetch" (issue 14).
 */
export function siteCors(sites: SiteAccess): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && sites.allOrigins.has(origin);
    if (c.req.method === 'OPTIONS') {
      if (origin === undefined)
        return jsonError(
          c,
          403,
          'CORS preflight without an Origin header: browsers always send one, so send the request itself',
        );
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
    // The refusal alone, and none of its headers: the page learns why it was refused, nothing more.
    if (!allowed && origin !== undefined && (c.res.status === 401 || c.res.status === 403))
      c.header('Access-Control-Allow-Origin', origin);
    if (allowed) {
      c.header('Access-Control-Allow-Origin', origin);
      // Not a CORS-safelisted header: without this the service worker could not honour a 429's wait.
      c.header('Access-Control-Expose-Headers', 'Retry-After');
    }
  };
}
