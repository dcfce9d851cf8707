import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type Access, authorizer, researcherCredentials } from '../../../collector/http/bearer-auth.ts';
import { memoryLogger } from '../../../collector/logging/logger.ts';
import { researcherRoutes } from '../../../collector/researcher/researcher-routes.ts';
import { learnerRoutes } from '../../../collector/routes/learner-routes.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';
import { SURVEY, TOKEN, testApp } from './test-app.ts';

const ERASE = 'erase-token-for-the-dpo-0123456789';
const REPORT = 'report-token-for-the-dashboard-0123';

type Right = Access | 'public';

/**
 * Every route the collector serves and the right it needs. A route added to any router fails the first
 * test until it is listed here, so whoever adds it says who may call it.
 */
const RIGHTS: Record<string, Right> = {
  'GET /healthz': 'public',
  'GET /v1/surveys': 'public',
  'GET /v1/surveys/:id': 'public',
  'POST /v1/responses': 'public',
  'POST /v1/eligibility': 'public',
  'GET /v1/eligibility': 'public',
  'POST /v1/eligibility/opt-out': 'public',
  'POST /v1/learners/erase': 'erase',
  'DELETE /v1/learners/:ref': 'erase',
  'GET /v1/export': 'export',
  'GET /v1/codebook': 'export',
  'GET /v1/report': 'report',
  'GET /v1/report/delivery': 'report',
  'PUT /v1/cohorts/:id': 'export',
  'GET /v1/cohorts': 'report',
  'GET /v1/response-rates': 'report',
  'GET /v1/dispositions': 'export',
  'GET /v1/impact': 'report',
  'POST /v1/invitations': 'export',
  'GET /v1/dashboard': 'public',
  'GET /v1/dashboard/': 'public',
  'GET /v1/dashboard/index.html': 'public',
  'GET /v1/dashboard/app.js': 'public',
  'GET /v1/dashboard/app.css': 'public',
  'GET /v1/dashboard/svg.js': 'public',
  'GET /v1/dashboard/bar-chart.js': 'public',
  'GET /v1/dashboard/delivery-chart.js': 'public',
  'GET /v1/dashboard/target-chart.js': 'public',
  'GET /v1/dashboard/get-json.js': 'public',
  'GET /v1/dashboard/rates-text.js': 'public',
  'GET /v1/dashboard/rates-section.js': 'public',
  'GET /v1/dashboard/funnel-chart.js': 'public',
  'GET /v1/dashboard/format.js': 'public',
  'GET /v1/dashboard/labels.js': 'public',
  'GET /v1/dashboard/csv-download.js': 'public',
  'GET /v1/dashboard/filters.js': 'public',
  'GET /v1/dashboard/report-charts.js': 'public',
  'GET /v1/dashboard/impact-section.js': 'public',
  // Issue 17: the personal link is the credential (collector/links/link-page-routes.ts).
  'GET /s/outcome-survey-sw.js': 'public',
  'GET /s/assets/:file': 'public',
  'GET /s/:token': 'public',
  'GET /s/:token/unsubscribe': 'public',
  'POST /s/:token/unsubscribe': 'public',
};

// With all three tokens set, each right is held by exactly one token alone and refused to another.
const env = { REPORT_TOKEN: REPORT, ERASE_TOKEN: ERASE };
const holder: Record<Access, string> = { export: TOKEN, report: REPORT, erase: ERASE };
const refused: Record<Access, string> = { export: REPORT, report: ERASE, erase: REPORT };

// Middleware is registered for method ALL; handlers for their own method.
const served = () => [
  ...new Set(
    testApp(env)
      .app.routes.filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`),
  ),
];

const call = (route: string, token?: string) => {
  const [method, path] = route.split(' ');
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  return testApp(env).app.request(path.replace(/:[A-Za-z]+/g, 'learner-7'), { method, headers });
};

describe('route rights', () => {
  it('lists every route the app serves, and no route it does not', () => {
    expect(served().sort()).toEqual(Object.keys(RIGHTS).sort());
  });

  const closed = Object.entries(RIGHTS).filter((e): e is [string, Access] => e[1] !== 'public');
  const open = Object.entries(RIGHTS).filter(([, right]) => right === 'public');

  it.each(closed)(
    '%s needs %s: 401 without a token, 403 with one lacking it, through with one holding it',
    async (route, right) => {
      const missing = await call(route);
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toBe('Bearer');
      expect((await call(route, refused[right])).status).toBe(403);
      expect([401, 403]).not.toContain((await call(route, holder[right])).status);
    },
  );

  it.each(open)('%s asks for no token', async (route) => {
    const res = await call(route);
    expect(res.status).not.toBe(401);
    expect(res.headers.get('www-authenticate')).toBeNull();
  });
});

describe('a researcher router on its own', () => {
  // Mounted on a bare Hono with no middleware in front: the router itself closes its routes.
  const bare = () => {
    const authorize = authorizer(researcherCredentials({ exportToken: TOKEN }));
    const storage = new MemoryStorage();
    const settings = { minCell: 10, roundTo: 5, minPercentBase: 23, includeAsylumSeekers: false };
    const app = new Hono();
    app.route('/', researcherRoutes({ storage, surveys: new SurveyRegistry([SURVEY]), settings }, authorize));
    app.route('/', learnerRoutes({ storage, learnerRefSecret: 's'.repeat(32), log: memoryLogger() }, authorize));
    return app;
  };

  it.each([
    ['GET', '/v1/export?format=csv'],
    ['GET', '/v1/codebook?survey=outcomes'],
    ['GET', '/v1/report?survey=outcomes'],
    ['GET', '/v1/report/delivery?survey=outcomes'],
    ['DELETE', '/v1/learners/learner-7'],
  ])('refuses %s %s without a token', async (method, path) => {
    expect((await bare().request(path, { method })).status).toBe(401);
  });

  it('serves the dashboard page without one', async () => {
    expect((await bare().request('/v1/dashboard')).status).toBe(200);
  });
});
