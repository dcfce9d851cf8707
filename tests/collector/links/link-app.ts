import { DEV_LINK_KEYS } from '../../../collector/config/load-config.ts';
import { learnerHash } from '../../../collector/ingest/learner-hash.ts';
import { LINK_SITE_KEY } from '../../../collector/links/link-site.ts';
import { type LinkClaims, signLinkToken } from '../../../collector/links/link-token.ts';
import { testApp } from '../http/test-app.ts';

/** The collector's clock in these tests; links are issued a month before and expire two months after. */
export const NOW = Date.parse('2026-02-01T00:00:00Z');
export const ISSUED = new Date('2026-01-01T00:00:00Z');
export const EXPIRES = new Date('2026-04-01T00:00:00Z');
/** Where app.request() says a request arrived: the link page's own origin when PUBLIC_URL is unset. */
export const OWN_ORIGIN = 'http://localhost';

/** A test app (MemoryStorage, the development LINK_KEYS) and tokens for the roster member "ana". */
export function linkApp(env: Record<string, string> = {}, now = () => NOW) {
  const made = testApp(env, now);
  const ana = learnerHash('ana', made.config.learnerRefSecret);
  const claims: LinkClaims = {
    surveyId: 'outcomes',
    learnerHash: ana,
    cohortId: 'c-2026',
    wave: 'm6',
    language: 'fr',
    expiresAt: EXPIRES,
  };
  // Where links are off, tokens are still made with the development keys, to show they are refused.
  const keys = made.config.linkKeys ?? DEV_LINK_KEYS;
  const token = (over: Partial<LinkClaims> = {}) => signLinkToken({ ...claims, ...over }, keys, ISSUED);
  return { ...made, ana, claims, token };
}

/** A batch posted the way the link page's widget does: its own site key, from its own origin. */
export const linkBatch = (responses: unknown[], events?: unknown[]) => ({
  siteKey: LINK_SITE_KEY,
  responses,
  ...(events ? { events } : {}),
});

/** Production settings without LINK_KEYS: personal links are off. */
export const LINK_KEYS_OFF = {
  NODE_ENV: 'production',
  LEARNER_REF_SECRET: 'a-production-learner-ref-secret-0123456789',
};
