import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { jsonError } from './json-error.ts';

// Hashing both sides first gives equal lengths, so the comparison leaks neither content nor length.
const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * What a researcher path does with the data: read rows (the export and its codebook), read the
 * disclosure-controlled aggregates (the reports the dashboard draws), or erase a learner's.
 */
export type Access = 'export' | 'report' | 'erase';

/** A bearer token, the setting it comes from, what people call it, and what it may do. */
export type Credential = { setting: string; label: string; token: string; grants: readonly Access[] };

const ACTS: Record<Access, { needs: string; cannot: string }> = {
  export: { needs: 'the export and the codebook need', cannot: 'read them' },
  report: { needs: 'the reports need', cannot: 'read them' },
  erase: { needs: 'erasure needs', cannot: 'erase' },
};

export type ResearcherTokens = {
  exportToken: string;
  eraseToken?: string | undefined;
  reportToken?: string | undefined;
};

/**
 * The researcher tokens. EXPORT_TOKEN always reads everything; it also erases unless
 * ERASE_TOKEN is set, as before the erase token existed. The erase token only erases, so
 * whoever handles erasure requests cannot read; the report token only reads aggregates, so
 * the dashboard's viewers never hold a token that exports rows.
 */
export function researcherCredentials(tokens: ResearcherTokens): Credential[] {
  const exportToken = { setting: 'EXPORT_TOKEN', label: 'the export token', token: tokens.exportToken };
  const reads: Access[] = ['export', 'report'];
  const credentials: Credential[] = [{ ...exportToken, grants: tokens.eraseToken ? reads : [...reads, 'erase'] }];
  if (tokens.eraseToken)
    credentials.push({ setting: 'ERASE_TOKEN', label: 'the erase token', token: tokens.eraseToken, grants: ['erase'] });
  if (tokens.reportToken)
    credentials.push({
      setting: 'REPORT_TOKEN',
      label: 'the report token',
      token: tokens.reportToken,
      grants: ['report'],
    });
  return credentials;
}

const unauthorized = (c: Context, error: string) =>
  jsonError(c, 401, error, undefined, { 'WWW-Authenticate': 'Bearer' });

/** Middleware that lets a request through only with a token granting `access`; each researcher route states its own. */
export type Authorize = (access: Access) => MiddlewareHandler;

/**
 * The check each researcher router puts on its routes (collector/researcher/, collector/routes/learner-routes.ts):
 * 401 (with WWW-Authenticate) for a missing or unknown token; 403 for a known token that does not grant
 * what the route does, naming the tokens that would. A router takes an Authorize and cannot be built
 * without one, so a route it serves is closed until it names the access it needs.
 *
 * The codebook goes with the export, not the reports, although it holds no responses: it
 * describes the export's columns and is of no use without the rows, the dashboard never
 * asks for it, and question wording is public anyway (GET /v1/surveys/:id). Granting it
 * to REPORT_TOKEN later would widen the token (a minor change); taking it back would break.
 */
export function authorizer(credentials: readonly Credential[]): Authorize {
  return (access) => async (c, next) => {
    const needed = credentials.filter((k) => k.grants.includes(access));
    const settings = needed.map((k) => k.setting).join(' or ');
    const given = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
    if (!given) return unauthorized(c, `missing bearer token: send Authorization: Bearer ${settings}`);
    // Every token is compared, so the time taken does not tell which one (if any) matched.
    const matches = credentials.map((k) => sameSecret(given, k.token));
    const held = credentials.find((_k, i) => matches[i]);
    if (!held) return unauthorized(c, 'wrong bearer token');
    if (!held.grants.includes(access)) {
      const { needs, cannot } = ACTS[access];
      const names = needed.map((k) => `${k.label} (${k.setting})`).join(' or ');
      const error = `${needs} ${names}; ${held.label} (${held.setting}) cannot ${cannot}`;
      // RFC 6750 §3.1: a valid token without the right to this resource.
      return jsonError(c, 403, error, undefined, { 'WWW-Authenticate': 'Bearer error="insufficient_scope"' });
    }
    await next();
  };
}
