import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { jsonError } from './json-error.ts';
import { normalizePath } from './normalize-path.ts';

// Hashing both sides first gives equal lengths, so the comparison leaks neither content nor length.
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/** What a researcher path does with the data: read it (export, codebook, report) or erase a learner's. */
export type Access = 'read' | 'erase';

/** A bearer token, the setting it comes from, what people call it, and what it may do. */
export type Credential = { setting: string; label: string; token: string; grants: readonly Access[] };

const ACTS: Record<Access, { noun: string; verb: string }> = {
  read: { noun: 'reading', verb: 'read' },
  erase: { noun: 'erasure', verb: 'erase' },
};

/**
 * The researcher tokens. Without ERASE_TOKEN, EXPORT_TOKEN both reads and erases, as before
 * the erase token existed; with it, each does one thing, so an analyst cannot erase and
 * whoever handles erasure requests cannot read.
 */
export function researcherCredentials(tokens: { exportToken: string; eraseToken?: string | undefined }): Credential[] {
  const exportToken = { setting: 'EXPORT_TOKEN', label: 'the export token', token: tokens.exportToken };
  if (!tokens.eraseToken) return [{ ...exportToken, grants: ['read', 'erase'] }];
  return [
    { ...exportToken, grants: ['read'] },
    { setting: 'ERASE_TOKEN', label: 'the erase token', token: tokens.eraseToken, grants: ['erase'] },
  ];
}

const unauthorized = (c: Context, error: string) =>
  jsonError(c, 401, error, undefined, { 'WWW-Authenticate': 'Bearer' });

/**
 * 401 (with WWW-Authenticate) for a missing or unknown token; 403 for a known token that
 * does not grant what the path does, naming the token that would.
 */
export function requireCredential(
  credentials: readonly Credential[],
  accessOf: (method: string, path: string) => Access | undefined,
): MiddlewareHandler {
  return async (c, next) => {
    const access = accessOf(c.req.method, c.req.path);
    if (!access) return next();
    const needed = credentials.find((k) => k.grants.includes(access)) ?? credentials[0];
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
    if (!given) return unauthorized(c, `missing bearer token: send Authorization: Bearer ${needed.setting}`);
    // Every token is compared, so the time taken does not tell which one (if any) matched.
    const matches = credentials.map((k) => sameSecret(given, k.token));
    const held = credentials.find((_k, i) => matches[i]);
    if (!held) return unauthorized(c, 'wrong bearer token');
    if (!held.grants.includes(access)) {
      const { noun, verb } = ACTS[access];
      const error = `${noun} needs ${needed.label} (${needed.setting}); ${held.label} (${held.setting}) cannot ${verb}`;
      // RFC 6750 §3.1: a valid token without the right to this resource.
      return jsonError(c, 403, error, undefined, { 'WWW-Authenticate': 'Bearer error="insufficient_scope"' });
    }
    await next();
  };
}

/** One token for every path `applies` matches; the collector itself uses requireCredential. */
export function requireBearer(token: string, applies: (method: string, path: string) => boolean): MiddlewareHandler {
  return requireCredential(researcherCredentials({ exportToken: token }), (method, path) =>
    applies(method, path) ? 'read' : undefined,
  );
}

/**
 * Researcher data paths, matched on the normalised path so an odd spelling cannot
 * slip past the check. The /v1/dashboard files are left open: a browser cannot send
 * a bearer header when navigating, and the page holds no data until the researcher
 * gives it the token for /v1/report.
 */
export function researcherAccess(method: string, path: string): Access | undefined {
  const p = normalizePath(path);
  if (/^\/v1\/(export|codebook|report)/.test(p)) return 'read';
  if (method === 'DELETE' && p.startsWith('/v1/learners')) return 'erase';
  return undefined;
}
