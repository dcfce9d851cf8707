import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps.ts';
import { DASHBOARD_CSP, DASHBOARD_FILES, type DashboardFile, dashboardFile } from '../dashboard/dashboard-assets.ts';
import { buildCodebook } from '../export/codebook.ts';
import { codebookMarkdown } from '../export/codebook-markdown.ts';
import { toDataPackage } from '../export/data-package.ts';
import { columnsFor, exportChunks } from '../export/export-chunks.ts';
import { ExportOptionsError, parseExportOptions } from '../export/export-options.ts';
import { exportBody } from '../export/write-export.ts';
import { attachmentDisposition } from '../http/attachment-disposition.ts';
import type { Authorize } from '../http/bearer-auth.ts';
import { jsonError } from '../http/json-error.ts';
import { buildReport } from '../report/build-report.ts';
import { deliveryReport } from '../report/delivery-report.ts';
import { parseReportOptions, ReportOptionsError, reportFilter } from '../report/report-options.ts';

/**
 * Researcher endpoints, each behind the access it needs (collector/http/bearer-auth.ts): the export and
 * codebook read rows, the reports read aggregates. The /v1/dashboard files are left open: a browser cannot
 * send a bearer header when navigating, and the page holds no data until the researcher gives it a token
 * for /v1/report.
 */
export function researcherRoutes(deps: AppDeps, authorize: Authorize): Hono {
  const app = new Hono();
  const rules = {
    minCell: deps.settings.minCell,
    roundTo: deps.settings.roundTo,
    minPercentBase: deps.settings.minPercentBase,
  };

  app.get('/v1/export', authorize('export'), async (c) => {
    const o = parseExportOptions(c.req.query(), 'GET /v1/export');
    // JSONL checks a named survey too, so an unknown one is a 404 in both formats rather than an empty 200.
    const survey = o.format === 'csv' || o.survey ? columnsFor(deps.surveys, o.survey).surveyId : undefined;
    const type = o.format === 'csv' ? 'text/csv; charset=utf-8; header=present' : 'application/x-ndjson; charset=utf-8';
    const file = `${survey ?? 'responses'}.${o.format}`;
    return new Response(exportBody(exportChunks(deps, { ...o, survey })), {
      headers: {
        'Content-Type': type,
        'Content-Disposition': attachmentDisposition(file),
        'Cache-Control': 'no-store',
      },
    });
  });

  app.get('/v1/codebook', authorize('export'), (c) => {
    const format = c.req.query('format') ?? 'json';
    const { surveyId } = columnsFor(deps.surveys, c.req.query('survey'));
    const book = buildCodebook(deps.surveys.versions(surveyId));
    if (format === 'markdown')
      return c.body(codebookMarkdown(book), 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
    if (format === 'datapackage') return c.json(toDataPackage(book, `${surveyId}.csv`, { delimiter: ',', bom: false }));
    if (format === 'json') return c.json(book);
    return jsonError(
      c,
      400,
      `format: expected json, markdown or datapackage, got ${JSON.stringify(format.slice(0, 32))}`,
    );
  });

  app.get('/v1/report', authorize('report'), async (c) => {
    const o = parseReportOptions(c.req.query(), 'GET /v1/report');
    const { surveyId } = columnsFor(deps.surveys, o.survey);
    return c.json(await buildReport(surveyId, deps.storage.responses(reportFilter(o, surveyId)), o, rules), 200, {
      'Cache-Control': 'no-store',
    });
  });

  app.get('/v1/report/delivery', authorize('report'), async (c) => {
    const { surveyId } = columnsFor(deps.surveys, c.req.query('survey'));
    const rejections = await deps.storage.rejectionsByDay();
    return c.json(await deliveryReport(deps.storage.responses({ surveyId }), rejections), 200, {
      'Cache-Control': 'no-store',
    });
  });

  const serve = (name: DashboardFile) => (c: Context) => {
    const { body, type } = dashboardFile(name);
    return c.body(body, 200, {
      'Content-Type': type,
      'Content-Security-Policy': DASHBOARD_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  };
  app.get('/v1/dashboard', serve('index.html'));
  app.get('/v1/dashboard/', serve('index.html'));
  for (const name of DASHBOARD_FILES) app.get(`/v1/dashboard/${name}`, serve(name));

  app.onError((err, c) => {
    if (err instanceof ExportOptionsError || err instanceof ReportOptionsError) {
      const unknown = err instanceof ExportOptionsError && err.code === 'unknown_survey';
      return jsonError(c, unknown ? 404 : 400, err.message);
    }
    throw err;
  });
  return app;
}
