import { Hono } from 'hono';
import { jsonError } from '../http/json-error.ts';
import { learnerHash } from '../ingest/learner-hash.ts';
import type { Logger } from '../logging/logger.ts';
import type { Storage } from '../storage/storage.ts';

/**
 * DELETE /v1/learners/:ref, the right to erasure. Behind ERASE_TOKEN, or EXPORT_TOKEN where
 * no erase token is set; app.ts applies the check (collector/http/bearer-auth.ts).
 */
export function learnerRoutes(deps: { storage: Storage; learnerRefSecret: string; log: Logger }): Hono {
  return new Hono().delete('/v1/learners/:ref', async (c) => {
    const ref = c.req.param('ref');
    if (ref.length > 256)
      return jsonError(c, 400, 'learner ref longer than 256 characters', [
        { path: 'ref', message: 'expected at most 256 characters' },
      ]);
    const erased = await deps.storage.eraseLearner(learnerHash(ref, deps.learnerRefSecret));
    // Logged without the ref or its hash: the log must not become a list of who asked to be forgotten.
    deps.log.info({ event: 'erasure', erased });
    return c.json({ erased });
  });
}
