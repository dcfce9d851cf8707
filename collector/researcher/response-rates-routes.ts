import { Hono } from 'hono';
import { DEFAULT_PARTIAL_THRESHOLD } from '../denominators/disposition.ts';
import { dispositionRows } from '../denominators/disposition-rows.ts';
import { RateQueryError } from '../denominators/rate-query.ts';
import { resolveRateQuery } from '../denominators/resolve-rate-query.ts';
import { responseRates } from '../denominators/response-rates.ts';
import { DEFAULT_SCHEDULE, type ScheduledWave } from '../denominators/wave-schedule.ts';
import { exportBody } from '../export/write-export.ts';
import { attachmentDisposition } from '../http/attachment-disposition.ts';
import type { Authorize } from '../http/bearer-auth.ts';
import { jsonError } from '../http/json-error.ts';
import type { DenominatorStorage } from '../storage/denominator-storage.ts';
import type { SurveyRegistry } from '../surveys/survey-registry.ts';

export type ResponseRatesDeps = {
  denominators: DenominatorStorage;
  surveys: SurveyRegistry;
  settings: {
    minCell: number;
    roundTo: number;
    minPercentBase: number;
    /** PARTIAL_THRESHOLD: the share of the questions asked a partial must answer to count as 1.2. */
    partialThreshold?: number;
    /** The waves members are due; surveys declare none yet, so the widget's default m0, m6, m12. */
    schedule?: readonly ScheduledWave[];
  };
  authorize: Authorize;
  /** The moment dispositions are computed for; tests fix it. */
  now?: () => Date;
};

/**
 * The denominators' researcher routes: the rates read aggregates under disclosure control (the report right),
 * the per-member dispositions are rows (the export right).
 */
export function responseRatesRoutes({ denominators, surveys, settings, authorize, now }: ResponseRatesDeps): Hono {
  const app = new Hono();
  const schedule = settings.schedule ?? DEFAULT_SCHEDULE;
  const rules = { minCell: settings.minCell, roundTo: settings.roundTo, minPercentBase: settings.minPercentBase };
  const ctx = () => ({
    schedule,
    partialThreshold: settings.partialThreshold ?? DEFAULT_PARTIAL_THRESHOLD,
    at: now?.() ?? new Date(),
  });
  const sources = { denominators, schedule, knownSurvey: (id: string) => surveys.latest(id) !== undefined };
  const query = (raw: Record<string, string>, where: string) => resolveRateQuery(raw, where, sources);

  app.get('/v1/response-rates', authorize('report'), async (c) => {
    const q = await query(c.req.query(), 'GET /v1/response-rates');
    const body = await responseRates(denominators, { ...q, ...ctx() }, rules);
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/v1/dispositions', authorize('export'), async (c) => {
    const q = await query(c.req.query(), 'GET /v1/dispositions');
    const type = q.format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/x-ndjson; charset=utf-8';
    const rows = dispositionRows(denominators, q, ctx(), q.format);
    return new Response(exportBody(rows), {
      headers: {
        'Content-Type': type,
        'Content-Disposition': attachmentDisposition(`dispositions-${q.surveyId}-${q.cohortId}-${q.wave}.${q.format}`),
        'Cache-Control': 'no-store',
      },
    });
  });

  app.onError((err, c) => {
    if (err instanceof RateQueryError) return jsonError(c, err.code === 'invalid_parameter' ? 400 : 404, err.message);
    throw err;
  });
  return app;
}
