import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { authorizer, researcherCredentials } from '../../../collector/http/bearer-auth.ts';
import { impactRoutes } from '../../../collector/researcher/impact-routes.ts';
import type { Storage } from '../../../collector/storage/storage.ts';
import { EXACT, member, NOW, SURVEYS, storageWith } from './impact-fixture.ts';

const EXPORT = 'export-token-0123456789abcdef';
const REPORT = 'report-token-0123456789abcdef';
const ERASE = 'erase-token-0123456789abcdefgh';

async function app(storage?: Storage) {
  const a = new Hono();
  const authorize = authorizer(researcherCredentials({ exportToken: EXPORT, reportToken: REPORT, eraseToken: ERASE }));
  const s =
    storage ??
    (await storageWith(
      [
        { learner: 'm0', outcome: true },
        { learner: 'm1', outcome: false },
      ],
      { 'c-2026': [member('m0'), member('m1'), member('m2')] },
    ));
  a.route('/', impactRoutes({ storage: s, surveys: SURVEYS, settings: EXACT, authorize, now: () => NOW }));
  return a;
}

const get = async (query: string, token = REPORT) =>
  (await app()).request(`/v1/impact?${query}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

const Q = 'survey=career-outcomes&year=2026';

describe('GET /v1/impact', () => {
  it.each([
    ['the report token', REPORT, 200],
    ['the export token', EXPORT, 200],
    ['the erase token', ERASE, 403],
    ['no token', '', 401],
  ])('answers a request with %s: %i', async (_, token, status) => {
    expect((await get(Q, token)).status).toBe(status);
  });

  it('answers the figures alone: no evidence (response ids), no weighted figures without weights=', async () => {
    const res = await get(`${Q}&cohort=c-2026`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({
      survey: 'career-outcomes',
      year: 2026,
      filters: { cohort: 'c-2026' },
      population: { cohorts: ['c-2026'], members: { count: 3 }, respondents: { count: 2 } },
      careerOutcomes: { count: { count: 1 }, rateAmongKnown: { numerator: 1, denominator: 2, estimate: 0.5 } },
    });
    expect(body).not.toHaveProperty('evidence');
    expect(body).not.toHaveProperty('weighted');
    expect(JSON.stringify(body)).not.toMatch(/01900000-/); // no response id anywhere
  });

  it.each([
    ['year=2026', 400, 'survey is missing'],
    ['survey=career-outcomes', 400, 'year is missing'],
    ['survey=Career&year=2026', 400, 'survey "Career": expected a survey id'],
    [`survey=career-outcomes&year=26`, 400, 'year "26": expected a calendar year of four digits'],
    [`${Q}&cohort=Bad!`, 400, 'cohort "Bad!"'],
    [`${Q}&country=france`, 400, 'country "france": expected an ISO 3166-1 alpha-2 code'],
    [`${Q}&weights=colour`, 400, 'weights "colour": expected roster columns'],
    [`${Q}&weights=country,country`, 400, 'weights "country,country": name each column once'],
    [`${Q}&weight=country`, 400, 'unknown parameter "weight"'],
    ['survey=nope&year=2026', 404, 'survey "nope" is not served'],
    [`${Q}&cohort=c-unknown`, 404, 'cohort "c-unknown" has no roster'],
  ])('refuses %s with %i naming the parameter', async (query, status, error) => {
    const res = await get(query);
    expect(res.status).toBe(status);
    const { error: message } = await res.json();
    expect(message).toContain('GET /v1/impact');
    expect(message).toContain(error);
  });
});
