import { describe, expect, it } from 'vitest';
import { batch, post, response, SIGNED_SITE_KEYS, TOKEN, testApp } from './test-app.ts';

const ERASE = 'erase-token-for-the-dpo-0123456789';
const REPORT = 'report-token-for-the-dashboard-0123';

const ROUTES = {
  export: ['GET', '/v1/export?format=csv'],
  codebook: ['GET', '/v1/codebook?survey=outcomes'],
  report: ['GET', '/v1/report?survey=outcomes'],
  delivery: ['GET', '/v1/report/delivery?survey=outcomes'],
  erase: ['DELETE', '/v1/learners/learner-7'],
} as const;
type Route = keyof typeof ROUTES;

type Given = 'no token' | 'a wrong token' | 'EXPORT_TOKEN' | 'ERASE_TOKEN' | 'REPORT_TOKEN';
const headerFor: Record<Given, Record<string, string>> = {
  'no token': {},
  'a wrong token': { authorization: 'Bearer not-the-token-at-all' },
  EXPORT_TOKEN: { authorization: `Bearer ${TOKEN}` },
  ERASE_TOKEN: { authorization: `Bearer ${ERASE}` },
  REPORT_TOKEN: { authorization: `Bearer ${REPORT}` },
};

const request = (app: ReturnType<typeof testApp>['app'], route: Route, given: Given) =>
  app.request(ROUTES[route][1], { method: ROUTES[route][0], headers: headerFor[given] });

/** Statuses in the order export, codebook, report, delivery, erase. */
type Statuses = [number, number, number, number, number];
const none: Statuses = [401, 401, 401, 401, 401];

const CONFIGURATIONS: { name: string; env: Record<string, string>; statuses: Record<Given, Statuses> }[] = [
  {
    name: 'REPORT_TOKEN and ERASE_TOKEN set',
    env: { REPORT_TOKEN: REPORT, ERASE_TOKEN: ERASE },
    statuses: {
      'no token': none,
      'a wrong token': none,
      EXPORT_TOKEN: [200, 200, 200, 200, 403],
      ERASE_TOKEN: [403, 403, 403, 403, 200],
      REPORT_TOKEN: [403, 403, 200, 200, 403],
    },
  },
  {
    name: 'REPORT_TOKEN set, ERASE_TOKEN unset',
    env: { REPORT_TOKEN: REPORT },
    statuses: {
      'no token': none,
      'a wrong token': none,
      EXPORT_TOKEN: [200, 200, 200, 200, 200],
      ERASE_TOKEN: none,
      REPORT_TOKEN: [403, 403, 200, 200, 403],
    },
  },
  {
    name: 'REPORT_TOKEN unset, ERASE_TOKEN set',
    env: { ERASE_TOKEN: ERASE },
    statuses: {
      'no token': none,
      'a wrong token': none,
      EXPORT_TOKEN: [200, 200, 200, 200, 403],
      ERASE_TOKEN: [403, 403, 403, 403, 200],
      REPORT_TOKEN: none,
    },
  },
  {
    name: 'neither set, as deployments from before them',
    env: {},
    statuses: {
      'no token': none,
      'a wrong token': none,
      EXPORT_TOKEN: [200, 200, 200, 200, 200],
      ERASE_TOKEN: none,
      REPORT_TOKEN: none,
    },
  },
];

describe.each(CONFIGURATIONS)('with $name', ({ env, statuses }) => {
  const cases = (Object.keys(statuses) as Given[]).flatMap((given) =>
    (Object.keys(ROUTES) as Route[]).map((route, i) => ({ given, route, status: statuses[given][i] })),
  );

  it.each(cases)('answers $route with $given by $status', async ({ given, route, status }) => {
    expect((await request(testApp(env).app, route, given)).status).toBe(status);
  });
});

describe('the report token', () => {
  const env = { REPORT_TOKEN: REPORT, ERASE_TOKEN: ERASE };
  const readsNeedExport =
    'the export and the codebook need the export token (EXPORT_TOKEN); the report token (REPORT_TOKEN) cannot read them';

  it.each(['export', 'codebook'] as const)('is refused %s in JSON naming the export token', async (route) => {
    const res = await request(testApp(env).app, route, 'REPORT_TOKEN');
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('www-authenticate')).toBe('Bearer error="insufficient_scope"');
    expect(await res.json()).toEqual({ error: readsNeedExport });
  });

  it.each([
    ['with ERASE_TOKEN set', env, 'the erase token (ERASE_TOKEN)'],
    ['without ERASE_TOKEN', { REPORT_TOKEN: REPORT }, 'the export token (EXPORT_TOKEN)'],
  ])('is refused erasure %s, naming the token that erases, and erases nothing', async (_name, e, needed) => {
    const { app, storage } = testApp(e);
    await post(app, batch(response({ learnerRef: 'learner-7' })));
    const res = await request(app, 'erase', 'REPORT_TOKEN');
    expect(res.status).toBe(403);
    expect((await res.json()).error).toBe(`erasure needs ${needed}; the report token (REPORT_TOKEN) cannot erase`);
    expect(storage.rows.size).toBe(1);
  });

  it('reads the same report as the export token', async () => {
    const { app } = testApp(env);
    await post(app, batch(...Array.from({ length: 12 }, () => response())));
    const bodies = await Promise.all(
      (['REPORT_TOKEN', 'EXPORT_TOKEN'] as const).map(async (given) => {
        const { generatedAt, ...report } = await (await request(app, 'report', given)).json();
        return report;
      }),
    );
    expect(bodies[0].tables.responses.total.count).toBe(10);
    expect(bodies[0]).toEqual(bodies[1]);
  });

  it.each(['report', 'delivery'] as const)('is named beside the export token when %s is refused', async (route) => {
    const res = await request(testApp(env).app, route, 'ERASE_TOKEN');
    expect((await res.json()).error).toBe(
      'the reports need the export token (EXPORT_TOKEN) or the report token (REPORT_TOKEN); the erase token (ERASE_TOKEN) cannot read them',
    );
  });

  it.each([
    ['report', 'EXPORT_TOKEN or REPORT_TOKEN'],
    ['delivery', 'EXPORT_TOKEN or REPORT_TOKEN'],
    ['export', 'EXPORT_TOKEN'],
    ['codebook', 'EXPORT_TOKEN'],
    ['erase', 'ERASE_TOKEN'],
  ] as const)('asks for the tokens %s accepts when none is sent', async (route, settings) => {
    const res = await request(testApp(env).app, route, 'no token');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
    expect((await res.json()).error).toBe(`missing bearer token: send Authorization: Bearer ${settings}`);
  });

  it('adds no start-up warning in production', () => {
    const { log } = testApp({
      ...env,
      NODE_ENV: 'production',
      LEARNER_REF_SECRET: 'x'.repeat(32),
      SITE_KEYS: SIGNED_SITE_KEYS,
    });
    expect(log.lines.filter((l) => l.level === 'warn')).toEqual([]);
  });
});
