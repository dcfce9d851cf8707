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

  // The cohort fixture by hand, as of 2026-06-15 for wave m0 (tests/collector/denominators/cohort-fixture.ts):
  //   1.1: a1–a4 (4)   1.2: b1, 4 of 6 answered ≥ 50% (1)   2.11: c1 "never", c2 opted out, c3 shown only (3)
  //   2.12: d1, 2 of 6 (1)   2.20: e1, e2 (2)   3.90: f1 no completed_at, g1 completed event, no response (2)
  //   4.10: h1 completes 2026-06-20 (1, in no rate)   outside_roster: 2 (in no rate); population 14.
  // AAPOR groups: I = 4, P = 1, R = 3 + 1 = 4, NC = 2, O = 0, UH + UO = 2, e = 1.
  //   eligible (I+P+R+NC+O+UH+UO) = 13, known eligible (without 3.x) = 11, contacted (I+P+R+O) = 9.
  it.each([
    ['RR1', 0.3077], //  I / 13        = 4 / 13
    ['RR2', 0.3846], //  (I + P) / 13  = 5 / 13
    ['RR3', 0.3077], //  I / (11 + e·2) with e = 1, = RR1
    ['RR4', 0.3846], //  (I + P) / (11 + e·2) = RR2
    ['RR5', 0.3636], //  I / 11        = 4 / 11
    ['RR6', 0.4545], //  (I + P) / 11  = 5 / 11
    ['COOP1', 0.4444], // I / 9        = 4 / 9
    ['COOP2', 0.5556], // (I + P) / 9  = 5 / 9
    ['REF1', 0.3077], //  R / 13       = 4 / 13
    ['CON1', 0.6923], //  9 / 13
  ] as const)('answers %s = %d for the fixture cohort, to four decimals', async (name, expected) => {
    const body = ResponseRates.parse(await (await app().request(`/v1/response-rates?${Q}`)).json());
    expect(body.dispositions).toEqual({
      '1.1': 4,
      '1.2': 1,
      '2.11': 3,
      '2.12': 1,
      '2.20': 2,
      '3.30': 0,
      '3.90': 2,
      '4.10': 1,
      outside_roster: 2,
    });
    expect(body.population).toBe(14);
    expect(Number(body.rates[name]?.toFixed(4))).toBe(expected);
  });

  it('applies the disclosure settings it is given: counts below MIN_CELL withheld, the rest rounded', async () => {
    const a = new Hono();
    const denominators = new FakeDenominators({ 'c-2026-01': COHORT }, OUTSIDE);
    const strict = { minCell: 3, roundTo: 5, minPercentBase: 1 };
    a.route(
      '/',
      responseRatesRoutes({
        denominators,
        surveys: new SurveyRegistry(TEST_SURVEYS),
        settings: strict,
        authorize: allowAll,
        now: () => AT,
      }),
    );
    const body = ResponseRates.parse(await (await a.request(`/v1/response-rates?${Q}`)).json());
    expect(body.population).toBe(15);
    expect(body.dispositions['1.2']).toBeNull();
    expect(body.suppressed?.['1.2']).toBe('below_k');
    expect(body.rates.RR2).toBeNull();
  });

  it.each([
    ['survey=outcomes-test&wave=m0', 400, 'cohort is missing'],
    ['cohort=c-2026-01&wave=m0', 400, 'survey is missing'],
    ['survey=outcomes-test&cohort=c-2026-01', 400, 'wave is missing'],
    ['survey=outcomes-test&cohort=c-2026-01&wave=m7', 400, 'wave "m7"'],
    [`${Q}&by=colour`, 400, 'by "colour"'],
    ['survey=outcomes-test&cohort=Bad!&wave=m0', 400, 'cohort "Bad!"'],
    ['survey=Career%20Outcomes&cohort=c-2026-01&wave=m0', 400, 'survey "Career Outcomes": expected a survey id'],
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
    expect(lines[0]).toBe(
      'learner_hash,cohort,wave,disposition,rule,contact_attempts,invitations,first_shown,last_event',
    );
    expect(lines).toHaveLength(COHORT.length + 1);
    expect(lines).toContain(
      'c1,c-2026-01,m0,2.11,dismissed_never,1,0,2026-02-10T09:00:00.000Z,2026-02-10T09:01:00.000Z',
    );
    expect(lines).toContain('e1,c-2026-01,m0,2.20,never_shown,0,0,,');
  });

  it('neutralises a formula start in a CSV cell', async () => {
    const denominators = new FakeDenominators({ 'c-2026-01': [{ learnerHash: '=cmd()', completedAt: '2026-01-31' }] });
    const text = await (await app(allowAll, denominators).request(`/v1/dispositions?${Q}`)).text();
    expect(text.split('\r\n')[1]).toBe("'=cmd(),c-2026-01,m0,2.20,never_shown,0,0,,");
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

  it.each([
    ['/v1/dispositions', 'survey=outcomes-test&cohort=c-unknown&wave=m0', 404, 'cohort "c-unknown" has no roster'],
    ['/v1/dispositions', `${Q}&format=xlsx`, 400, 'format "xlsx": expected csv or jsonl'],
    ['/v1/dispositions', 'survey=outcomes-test&cohort=c-2026-01&wave=m9', 400, 'wave "m9"'],
  ])('%s?%s answers %i naming what is wrong', async (path, q, status, error) => {
    const res = await app().request(`${path}?${q}`);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toContain(error);
  });

  it('streams the rows as they are read: a reader of the first chunk has not made storage yield the whole cohort', async () => {
    const many = Array.from({ length: 20_000 }, (_, i) => ({
      learnerHash: `h${String(i).padStart(6, '0')}`,
      completedAt: '2026-01-31',
    }));
    const denominators = new FakeDenominators({ 'c-2026-01': many });
    const res = await app(allowAll, denominators).request(`/v1/dispositions?${Q}`);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(denominators.yielded).toBeGreaterThan(0);
    expect(denominators.yielded).toBeLessThan(many.length / 2);
    await reader.cancel();
  });

  it('sends the whole cohort to a reader who reads to the end', async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => ({ learnerHash: `h${i}`, completedAt: '2026-01-31' }));
    const res = await app(allowAll, new FakeDenominators({ 'c-2026-01': many })).request(`/v1/dispositions?${Q}`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
    expect((await res.text()).trimEnd().split('\r\n')).toHaveLength(many.length + 1);
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
