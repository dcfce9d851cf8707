import { Hono } from 'hono';
import * as z from 'zod';
import { type FieldError, formatIssues, LEARNER_REF_PATTERN, LEARNER_REF_RULE } from '../../protocol/index.ts';
import { jsonError, quote } from '../http/json-error.ts';
import type { SiteAccess } from '../http/site-access.ts';
import { learnerHash } from '../ingest/learner-hash.ts';
import { readJsonBody } from '../ingest/read-json-body.ts';
import type { Storage } from '../storage/storage.ts';
import type { SurveyRegistry } from '../surveys/survey-registry.ts';

export type EligibilityDeps = {
  storage: Storage;
  surveys: SurveyRegistry;
  sites: SiteAccess;
  learnerRefSecret: string;
  now: () => number;
};

const fields = {
  siteKey: z.string().min(1).max(128),
  // The rule ingest and erasure hold refs to (protocol/learner-ref.ts), so an eligible ref can be stored and erased.
  learnerRef: z.string().regex(LEARNER_REF_PATTERN, LEARNER_REF_RULE),
  surveyId: z.string().min(1).max(64),
};
// Extra body keys are a client bug worth naming.
const Body = z.strictObject(fields);

// Both bodies are three short strings; anything bigger is not from the widget.
const BODY_MAX_BYTES = 4096;

/** "May we ask this learner?" and "don't ask me again", kept per learner so both hold on every device. */
export function eligibilityRoutes(deps: EligibilityDeps): Hono {
  const app = new Hono();
  type Parsed = { errors: FieldError[]; data?: undefined } | { errors?: undefined; data: z.infer<typeof Body> };
  const parse = (input: unknown): Parsed => {
    const q = Body.safeParse(input);
    if (!q.success) return { errors: formatIssues(q.error.issues) };
    if (!deps.surveys.latest(q.data.surveyId))
      return { errors: [{ path: 'surveyId', message: `unknown survey ${quote(q.data.surveyId)}` }] };
    return { data: q.data };
  };

  // A POST, not a GET with a query string: the raw learnerRef must not land in proxy or access logs (PRIVACY.md).
  app.post('/v1/eligibility', async (c) => {
    const body = await readJsonBody(c.req.raw, BODY_MAX_BYTES);
    if (!body.ok) return jsonError(c, body.status, body.error);
    const q = parse(body.value);
    if (q.errors) return jsonError(c, 400, 'bad eligibility request', q.errors);
    const denied = deps.sites.check(q.data.siteKey, c.req.header('origin'));
    if (denied) return jsonError(c, denied.status, denied.error);
    const hash = learnerHash(q.data.learnerRef, deps.learnerRefSecret);
    const [optedOut, answeredWaves] = await Promise.all([
      deps.storage.optedOut(hash, q.data.surveyId),
      deps.storage.answeredWaves(hash, q.data.surveyId),
    ]);
    c.header('Cache-Control', 'no-store');
    return c.json(
      optedOut ? { eligible: false, reason: 'opted_out', answeredWaves } : { eligible: true, answeredWaves },
    );
  });

  // Widgets built before the move get a reason rather than a bare 404; they fall back to the device's own flags.
  app.get('/v1/eligibility', (c) =>
    jsonError(
      c,
      405,
      'GET /v1/eligibility is gone: POST a JSON body { siteKey, learnerRef, surveyId } instead',
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
    const denied = deps.sites.check(q.data.siteKey, c.req.header('origin'));
    if (denied) return jsonError(c, denied.status, denied.error);
    await deps.storage.setOptOut(
      learnerHash(q.data.learnerRef, deps.learnerRefSecret),
      q.data.surveyId,
      new Date(deps.now()).toISOString(),
    );
    return c.json({ optedOut: true });
  });
  return app;
}
