import { Hono } from 'hono';
import * as z from 'zod/mini';
import { type FieldError, formatIssues, LEARNER_REF_RULE, LearnerRef } from '../../protocol/index.ts';
import type { Authorize } from '../http/bearer-auth.ts';
import { jsonError } from '../http/json-error.ts';
import { learnerHash } from '../ingest/learner-hash.ts';
import { readJsonBody } from '../ingest/read-json-body.ts';
import type { Logger } from '../logging/logger.ts';
import type { Storage } from '../storage/storage.ts';

// Extra keys are a client bug worth naming. The body takes any ref ingest ever accepted (1 to 256
// characters), not only those of today's rule: a ref stored before the rule must stay erasable, and a
// body, unlike a path, carries any character unchanged.
const EraseBody = z.strictObject({ learnerRef: z.string().check(z.minLength(1), z.maxLength(256)) });
// One ref of at most 256 characters and its key.
const BODY_MAX_BYTES = 1024;

/**
 * The right to erasure: POST /v1/learners/erase with { learnerRef } (the ref stays out of URLs, so out of proxy
 * and access logs), and DELETE /v1/learners/:ref as before. Both hold the ref to the rule ingest holds it to
 * (protocol/learner-ref.ts) on the path; the body also takes refs stored before that rule. Behind ERASE_TOKEN, or EXPORT_TOKEN where no
 * erase token is set (collector/http/bearer-auth.ts).
 */
export function learnerRoutes(
  deps: { storage: Storage; learnerRefSecret: string; log: Logger },
  authorize: Authorize,
): Hono {
  const erase = async (ref: string) => {
    const erased = await deps.storage.eraseLearner(learnerHash(ref, deps.learnerRefSecret));
    // Logged without the ref or its hash: the log must not become a list of who asked to be forgotten.
    deps.log.info({ event: 'erasure', erased });
    return { erased };
  };
  const app = new Hono();

  app.post('/v1/learners/erase', authorize('erase'), async (c) => {
    const body = await readJsonBody(c.req.raw, BODY_MAX_BYTES);
    if (!body.ok) return jsonError(c, body.status, body.error);
    const parsed = EraseBody.safeParse(body.value);
    if (!parsed.success)
      return jsonError(
        c,
        400,
        'POST /v1/learners/erase: expected a JSON body { "learnerRef": "..." }',
        formatIssues(parsed.error.issues),
      );
    return c.json(await erase(parsed.data.learnerRef));
  });

  app.delete('/v1/learners/:ref', authorize('erase'), async (c) => {
    const ref = c.req.param('ref');
    if (!LearnerRef.safeParse(ref).success) {
      const errors: FieldError[] = [{ path: 'ref', message: LEARNER_REF_RULE }];
      return jsonError(
        c,
        400,
        'DELETE /v1/learners/:ref: the ref does not fit the learnerRef rule, so no response can carry it; send the ref exactly as the host sent it, or POST /v1/learners/erase with { "learnerRef": "..." }',
        errors,
      );
    }
    return c.json(await erase(ref));
  });
  return app;
}
