import { Hono } from 'hono';
import type { ScheduledWave } from '../denominators/wave-schedule.ts';
import type { Authorize } from '../http/bearer-auth.ts';
import { jsonError } from '../http/json-error.ts';
import { buildImpact, type ImpactSettings } from '../impact/build-impact.ts';
import { ImpactQueryError, parseImpactQuery } from '../impact/impact-query.ts';
import type { Storage } from '../storage/storage.ts';
import type { SurveyRegistry } from '../surveys/survey-registry.ts';

export type ImpactRoutesDeps = {
  storage: Storage;
  surveys: SurveyRegistry;
  settings: ImpactSettings & { schedule?: readonly ScheduledWave[] };
  authorize: Authorize;
  /** The moment dispositions are computed for and the figures dated; tests fix it. */
  now?: () => Date;
};

/**
 * GET /v1/impact: the mission report's figures, aggregates under disclosure control, so the report right (the
 * report token, or the export token). The evidence (response ids) stays with the CLI, which holds the rows.
 */
export function impactRoutes({ storage, surveys, settings, authorize, now }: ImpactRoutesDeps): Hono {
  const app = new Hono();
  app.get('/v1/impact', authorize('report'), async (c) => {
    const q = parseImpactQuery(c.req.query(), 'GET /v1/impact');
    const { impact } = await buildImpact({ storage, surveys, settings }, q, now?.() ?? new Date());
    return c.json(impact, 200, { 'Cache-Control': 'no-store' });
  });
  app.onError((err, c) => {
    if (err instanceof ImpactQueryError) {
      const message = err.code === 'invalid_parameter' ? err.message : `GET /v1/impact: ${err.message}`;
      return jsonError(c, err.code === 'invalid_parameter' ? 400 : 404, message);
    }
    throw err;
  });
  return app;
}
