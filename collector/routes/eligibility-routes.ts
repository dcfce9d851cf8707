import { Hono } from 'hono';
import { type EligibilityAnswer, EligibilityRequest, type FieldError, formatIssues } from '../../protocol/index.ts';
import { jsonError, quote } from '../http/json-error.ts';
import type { SiteAccess, SiteDenial } from '../http/site-access.ts';
import { learnerHash } from '../ingest/learner-hash.ts';
import { learnerRefStatus } from '../ingest/learner-signature.ts';
import { readJsonBody } from '../ingest/read-json-body.ts';
import { LINK_SITE_KEY } from '../links/link-site.ts';
import type { Storage } from '../storage/storage.ts';
import type { SurveyRegistry } from '../surveys/survey-registry.ts';

export type EligibilityDeps = {
  storage: Storage;
  surveys: SurveyRegistry;
  sites: SiteAccess;
  learnerRefSecret: string;
  now: () => number;
};

// Both bodies are four short strings; anything bigger is not from the widget.
const BODY_MAX_BYTES = 4096;

/**
 * What an unsigned or wrongly signed ref gets where its site key has a learnerSecret: the answer
 * for a learner the collector knows nothing about, so a forged ref learns nothing (not whether
 * the learner opted out, not which waves they answered). The reason tells the host's developer why
 * the device alone decides; it is the same for every ref, so it says nothing about the learner.
 */
const UNVERIFIED: EligibilityAnswer = { eligible: true, reason: 'unverified', answeredWaves: [] };
const OPT_OUT_REFUSED = {
  error:
    'learnerRef is not verified for this siteKey: send learnerSig, the hex HMAC-SHA-256 of learnerRef keyed by the site key\'s learnerSecret (README "Verifying learner identity")',
  code: 'learner_unverified',
};

/** "May we ask this learner?" and "don't ask me again", kept per learner so both hold on every device. */
export function eligibilityRoutes(deps: EligibilityDeps): Hono {
  const app = new Hono();
  type Parsed = { errors: FieldError[]; data?: undefined } | { errors?: undefined; data: EligibilityRequest };
  const parse = (input: unknown): Parsed => {
    const q = EligibilityRequest.safeParse(input);
    if (!q.success) return { errors: formatIssues(q.error.issues) };
    if (!deps.surveys.latest(q.data.surveyId))
      return { errors: [{ path: 'surveyId', message: `unknown survey ${quote(q.data.surveyId)}` }] };
    return { data: q.data };
  };

  // The link page's key has no learnerSecret and its page knows no learnerRef: taking refs under it would let anyone
  // read or opt out any learner by ref. Its learner comes from the link token alone (POST /v1/responses).
  const linkSiteDenied = (siteKey: string): SiteDenial | undefined =>
    siteKey === LINK_SITE_KEY
      ? {
          status: 403,
          error: `siteKey ${quote(siteKey)} takes no learnerRef: the link page's learner comes from its link token, and "Don't ask me again" there is a dismissed event with the link (POST /v1/responses)`,
        }
      : undefined;

  const untrusted = (q: EligibilityRequest) =>
    learnerRefStatus(q.learnerRef, q.learnerSig, deps.sites.learnerSecret(q.siteKey)) === 'unverified';

  // A POST, not a GET with a query string: the raw learnerRef must not land in proxy or access logs (PRIVACY.md).
  app.post('/v1/eligibility', async (c) => {
    const body = await readJsonBody(c.req.raw, BODY_MAX_BYTES);
    if (!body.ok) return jsonError(c, body.status, body.error);
    const q = parse(body.value);
    if (q.errors) return jsonError(c, 400, 'bad eligibility request', q.errors);
    const denied = linkSiteDenied(q.data.siteKey) ?? deps.sites.check(q.data.siteKey, c.req.header('origin'));
    if (denied) return jsonError(c, denied.status, denied.error);
    c.header('Cache-Control', 'no-store');
    if (untrusted(q.data)) return c.json(UNVERIFIED);
    const hash = learnerHash(q.data.learnerRef, deps.learnerRefSecret);
    const [optedOut, answeredWaves] = await Promise.all([
      deps.storage.optedOut(hash, q.data.surveyId),
      deps.storage.answeredWaves(hash, q.data.surveyId),
    ]);
    const answer: EligibilityAnswer = optedOut
      ? { eligible: false, reason: 'opted_out', answeredWaves }
      : { eligible: true, answeredWaves };
    return c.json(answer);
  });

  // Widgets built before the move get a reason rather than a bare 404; they fall back to the device's own flags.
  app.get('/v1/eligibility', (c) =>
    jsonError(
      c,
      405,
      'GET /v1/eligibility is gone: POST a JSON body { siteKey, learnerRef, learnerSig?, surveyId } instead',
      undefined,
      {
        Allow: 'POST',
      },
    ),
  );

  app.post('/v1/eligibility/opt-out', async (c) => {
    const body = await readJsonBody(c.req.raw, BODY_MAX_BYTES);
    if (!body.ok) return jsonError(c, body.status, body.error);
    const q = parse(body.value);
    if (q.errors) return jsonError(c, 400, 'bad opt-out request', q.errors);
    const denied = linkSiteDenied(q.data.siteKey) ?? deps.sites.check(q.data.siteKey, c.req.header('origin'));
    if (denied) return jsonError(c, denied.status, denied.error);
    // Refused, not ignored: a widget that hears 200 would believe the opt-out holds on every device.
    if (untrusted(q.data)) return c.json(OPT_OUT_REFUSED, 403);
    await deps.storage.setOptOut(
      learnerHash(q.data.learnerRef, deps.learnerRefSecret),
      q.data.surveyId,
      new Date(deps.now()).toISOString(),
    );
    return c.json({ optedOut: true });
  });
  return app;
}
