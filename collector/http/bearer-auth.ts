import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { jsonError } from './json-error.ts';
import { normalizePath } from './normalize-path.ts';

// Hashing both sides first gives equal lengths, so the comparison leaks neither content nor length.
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function requireBearer(token: string, applies: (method: string, path: string) => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (!applies(c.req.method, c.req.path)) return next();
    const header = c.req.header('authorization') ?? '';
    const given = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    if (!given || !sameSecret(given, token))
      return jsonError(
        c,
        401,
        given ? 'wrong bearer token' : 'missing bearer token: send Authorization: Bearer EXPORT_TOKEN',
        undefined,
        {
          'WWW-Authenticate': 'Bearer',
        },
      );
    await next();
  };
}

/**
 * Researcher data paths, matched on the normalised path so an odd spelling cannot
 * slip past the check. The /v1/dashboard files are left open: a browser cannot send
 * a bearer header when navigating, and the page holds no data until the researcher
 * gives it the token for /v1/report.
 */
export function isResearcherRequest(method: string, path: string): boolean {
  const p = normalizePath(path);
  if (/^\/v1\/(export|codebook|report)/.test(p)) return true;
  return method === 'DELETE' && p.startsWith('/v1/learners');
}
