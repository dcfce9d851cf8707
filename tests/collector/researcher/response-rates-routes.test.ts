import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { authorizer, researcherCredentials } from '../../../collector/http/bearer-auth.ts';
import { responseRatesRoutes } from '../../../collector/researcher/response-rates-routes.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { ResponseRates } from '../../../protocol/index.ts';
import { allowAll } from '../../support/allow-all.ts';
import { TEST_SURVEYS } from '../../support/generate-responses.ts';
import { AT, COHORT, OUTSIDE } from '../denominators/cohort-fixture.ts';
import { FakeDenominators } from '../denominators/fake-denominators.ts';

const EXPORT = 'export-token-0123456789abcdef';
const REPORT = 'report-token-0123456789abcdef';
const settings = { minCell: 1, roundTo: 1, minPercentBase: 1 };

function app(authorize = allowAll, denominators = new FakeDenominators({ 'c-2026-01': COHORT }, OUTSIDE)) {
  const a = new Hono();
  a.route(
    '/',
    responseRatesRoutes({
      denominators,
      surveys: new SurveyRegistry(TEST_SURVEYS),
      settings,
      authorize,
      now: () => AT,
    }),
  );
  return a;
}

const Q = 'survey=outcomes-test&cohort=c-2026-01&wave=m0';

describe('response rates routes', () => {
  it('answers the cohort rates in the ResponseRates shape', async () => {
    const res = await app().request(`/v1/response-rates?${Q}&by=country`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(ResponseRates.parse(body)).toMatchObject({ survey: 'outcomes-test', cohort: 'c-2026-01', population: 14 });
    expect(body.groups).toHaveLength(3);
  });

  it.each([
    ['survey=outcomes-test&wave=m0', 400, 'cohort is missing'],
    ['cohort=c-2026-01&wave=m0', 400, 'survey is missing'],
    ['survey=outcomes-test&cohort=c-2026-01', 400, 'wave is missing'],
    ['survey=outcomes-test&cohort=c-2026-01&wave=m7', 400, 'wave "m7"'],
    [`${Q}&by=colour`, 400, 'by "colour"'],
    ['survey=outcomes-test&cohort=Bad!&wave=m0', 400, 'cohort "Bad!"'],
    ['survey=nope&cohort=c-2026-01&wave=m0', 404, 'survey "nope" is not served'],
    ['survey=outcomes-test&cohort=c-unknown&wave=once', 404, 'cohort "c-unknown" has no roster'],
  ])('refuses %s with %i naming the parameter', async (q, status, error) => {
    const res = await app().request(`/v1/response-rates?${q}`);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toContain(error);
  });

  it('streams one CSV row per member with a header, as an attachment', async () => {
    const res = await app().request(`/v1/dispositions?${Q}`);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="dispositions-outcomes-test-c-2026-01-m0.csv"',
    );
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('learner_hash,cohort,wave,disposition,rule,contact_attempts,first_shown,last_event');
    expect(lines).toHaveLength(COHORT.length + 1);
    expect(lines).toContain('c1,c-2026-01,m0,2.11,dismissed_never,1,2026-02-10T09:00:00.000Z,2026-02-10T09:01:00.000Z');
    expect(lines).toContain('e1,c-2026-01,m0,2.20,never_shown,0,,');
  });

  it('neutralises a formula start in a CSV cell', async () => {
    const denominators = new FakeDenominators({ 'c-2026-01': [{ learnerHash: '=cmd()', completedAt: '2026-01-31' }] });
    const text = await (await app(allowAll, denominators).request(`/v1/dispositions?${Q}`)).text();
    expect(text.split('\r\n')[1]).toBe("'=cmd(),c-2026-01,m0,2.20,never_shown,0,,");
  });

  it('streams JSON Lines on format=jsonl', async () => {
    const text = await (await app().request(`/v1/dispositions?${Q}&format=jsonl`)).text();
    const rows = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(COHORT.length);
    expect(rows.find((r) => r.learner_hash === 'b1')).toMatchObject({ disposition: '1.2', rule: 'partial' });
  });

  const guarded = app(authorizer(researcherCredentials({ exportToken: EXPORT, reportToken: REPORT })));
  const call = (path: string, token?: string) =>
    guarded.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it.each([
    ['/v1/response-rates', REPORT, undefined],
    ['/v1/response-rates', EXPORT, undefined],
    ['/v1/dispositions', EXPORT, REPORT],
  ])('%s: 401 without a token, through with %s, 403 with one lacking the right', async (path, holder, refused) => {
    expect((await call(`${path}?${Q}`)).status).toBe(401);
    expect((await call(`${path}?${Q}`, holder)).status).toBe(200);
    if (refused) expect((await call(`${path}?${Q}`, refused)).status).toBe(403);
  });
});
