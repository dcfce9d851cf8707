import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { type Authorize, authorizer, researcherCredentials } from '../../../collector/http/bearer-auth.ts';
import { learnerHash } from '../../../collector/ingest/learner-hash.ts';
import { cohortRoutes } from '../../../collector/researcher/cohort-routes.ts';
import { allowAll } from '../../support/allow-all.ts';
import { FakeDenominatorStorage } from '../denominators/fake-denominator-storage.ts';

const SECRET = 'cohort-routes-test-secret-0123456789';
const NOW = Date.parse('2026-03-01T09:00:00Z');
const EXPORT = 'export-token-for-the-researcher-01';
const REPORT = 'report-token-for-the-dashboard-0123';

const setup = (opts: { maxRosterBytes?: number; authorize?: Authorize } = {}) => {
  const denominators = new FakeDenominatorStorage();
  const app = new Hono();
  app.route(
    '/',
    cohortRoutes({
      denominators,
      learnerRefSecret: SECRET,
      maxRosterBytes: opts.maxRosterBytes ?? 1024 * 1024,
      authorize: opts.authorize ?? allowAll,
      now: () => NOW,
    }),
  );
  return { app, denominators };
};

const ROSTER = [
  'learner_ref,enrolled_at,completed_at,country,course_id,attr_funding,attr_apprentice',
  'learner-1,2025-09-01,2026-01-31,FR,web-101,public_jobseeker,true',
  'learner-2,2025-09-01,2026-01-31,DE,web-101,,false',
  'learner-3,,2026-02-28,,data-201,self,',
].join('\n');

type Init = { body?: BodyInit; type?: string; headers?: Record<string, string> };
const put = (app: Hono, id: string, init: Init) =>
  app.request(`/v1/cohorts/${id}`, {
    method: 'PUT',
    body: init.body ?? '',
    headers: { ...(init.type === undefined ? {} : { 'content-type': init.type }), ...init.headers },
  });
const putCsv = (app: Hono, id: string, csv: string) => put(app, id, { body: csv, type: 'text/csv; charset=utf-8' });

/** A body that arrives in chunks with no Content-Length, as a chunked upload does. */
const streamed = (text: string, chunk = 1024) => {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
};
const putStreamed = (app: Hono, id: string, body: ReadableStream<Uint8Array>) =>
  app.request(
    new Request(`http://localhost/v1/cohorts/${id}`, {
      method: 'PUT',
      body,
      headers: { 'content-type': 'text/csv' },
      duplex: 'half',
    } as RequestInit),
  );

describe('PUT /v1/cohorts/:id', () => {
  it('stores each member under the keyed hash of its learner_ref, with attr_ columns as attrs', async () => {
    const { app, denominators } = setup();
    const res = await putCsv(app, '2026-01-web', ROSTER);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      cohort: '2026-01-web',
      members: 3,
      added: 3,
      removed: 0,
      changed: 0,
      unchanged: 0,
    });
    const stored = denominators.rosters.get('2026-01-web')?.members ?? [];
    expect(stored).toEqual([
      {
        learnerHash: learnerHash('learner-1', SECRET),
        enrolledAt: '2025-09-01',
        completedAt: '2026-01-31',
        country: 'FR',
        courseId: 'web-101',
        attrs: { funding: 'public_jobseeker', apprentice: 'true' },
      },
      {
        learnerHash: learnerHash('learner-2', SECRET),
        enrolledAt: '2025-09-01',
        completedAt: '2026-01-31',
        country: 'DE',
        courseId: 'web-101',
        attrs: { apprentice: 'false' },
      },
      {
        learnerHash: learnerHash('learner-3', SECRET),
        completedAt: '2026-02-28',
        courseId: 'data-201',
        attrs: { funding: 'self' },
      },
    ]);
    expect(JSON.stringify(stored)).not.toContain('learner-');
  });

  it('stores path_id as pathId and leaves empty cells out', async () => {
    const { app, denominators } = setup();
    await putCsv(app, 'c1', 'learner_ref,path_id,country,attr_funding\nlearner-1,frontend,,\n');
    expect(denominators.rosters.get('c1')?.members).toEqual([
      { learnerHash: learnerHash('learner-1', SECRET), pathId: 'frontend', attrs: {} },
    ]);
  });

  it('stores the same members from the JSON form of the same roster', async () => {
    const fromCsv = setup();
    await putCsv(fromCsv.app, 'c1', ROSTER);
    const fromJson = setup();
    const members = [
      {
        learner_ref: 'learner-1',
        enrolled_at: '2025-09-01',
        completed_at: '2026-01-31',
        country: 'FR',
        course_id: 'web-101',
        attr_funding: 'public_jobseeker',
        attr_apprentice: true,
      },
      {
        learner_ref: 'learner-2',
        enrolled_at: '2025-09-01',
        completed_at: '2026-01-31',
        country: 'DE',
        course_id: 'web-101',
        attr_apprentice: false,
      },
      { learner_ref: 'learner-3', completed_at: '2026-02-28', course_id: 'data-201', attr_funding: 'self' },
    ];
    const res = await put(fromJson.app, 'c1', { body: JSON.stringify({ members }), type: 'application/json' });
    expect(res.status).toBe(200);
    expect(fromJson.denominators.rosters.get('c1')?.members).toEqual(fromCsv.denominators.rosters.get('c1')?.members);
  });

  it('changes nothing when the same file is imported again, and counts what a changed file changes', async () => {
    const { app } = setup();
    await putCsv(app, 'c1', ROSTER);
    expect(await (await putCsv(app, 'c1', ROSTER)).json()).toMatchObject({
      added: 0,
      removed: 0,
      changed: 0,
      unchanged: 3,
    });
    const changedFile = ROSTER.replace(
      'learner-3,,2026-02-28,,data-201,self,',
      'learner-4,,2026-02-28,,data-201,self,',
    ).replace('learner-2,2025-09-01,2026-01-31,DE', 'learner-2,2025-09-01,2026-01-31,AT');
    expect(await (await putCsv(app, 'c1', changedFile)).json()).toEqual({
      cohort: 'c1',
      members: 3,
      added: 1,
      removed: 1,
      changed: 1,
      unchanged: 1,
    });
  });

  it('refuses a file with a malformed row, naming its line and column, and imports none of its rows', async () => {
    const { app, denominators } = setup();
    const res = await putCsv(app, 'c1', `${ROSTER}\nlearner-9,2026-13-01,,,,,`);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toContain('nothing was imported');
    expect(body.problems).toEqual([expect.objectContaining({ code: 'invalid_value', line: 5, column: 'enrolled_at' })]);
    expect(body.problems[0].message).toMatch(/^line 5, column enrolled_at: expected an ISO date/);
    expect(body.more).toBe(0);
    expect(denominators.rosters.has('c1')).toBe(false);
  });

  it('keeps the stored roster as it was when a changed file is refused', async () => {
    const { app, denominators } = setup();
    await putCsv(app, 'c1', ROSTER);
    const before = denominators.rosters.get('c1')?.members;
    expect((await putCsv(app, 'c1', `${ROSTER}\nlearner-1,,,,,,`)).status).toBe(400);
    expect(denominators.rosters.get('c1')?.members).toEqual(before);
  });

  it('lists the first 50 problems and counts the rest', async () => {
    const { app } = setup();
    const rows = Array.from({ length: 70 }, (_, i) => `learner-${i},yesterday`);
    const body = await (await putCsv(app, 'c1', ['learner_ref,enrolled_at', ...rows].join('\n'))).json();
    expect(body.problems).toHaveLength(50);
    expect(body.more).toBe(20);
    expect(body.error).toContain('70 problems');
  });

  it('names the member of a JSON roster that is wrong', async () => {
    const { app } = setup();
    const members = [{ learner_ref: 'learner-1' }, { learner_ref: 'learner-2', country: 'France' }];
    const res = await put(app, 'c1', { body: JSON.stringify({ members }), type: 'application/json' });
    expect(res.status).toBe(400);
    expect((await res.json()).problems).toEqual([
      expect.objectContaining({ code: 'invalid_value', member: 1, column: 'country' }),
    ]);
  });

  it.each(['Bad-Cohort', '-starts-with-dash', 'a'.repeat(65), 'has space', 'é'])(
    'refuses the cohort id %j with the rule it breaks',
    async (id) => {
      const { app, denominators } = setup();
      const res = await putCsv(app, encodeURIComponent(id), ROSTER);
      expect(res.status).toBe(400);
      expect((await res.json()).error).toContain('expected a cohort id');
      expect(denominators.rosters.size).toBe(0);
    },
  );

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], [undefined]])(
    'refuses Content-Type %s with 415 naming both accepted types',
    async (type) => {
      const res = await put(setup().app, 'c1', { body: ROSTER, type });
      expect(res.status).toBe(415);
      expect((await res.json()).error).toMatch(/text\/csv or application\/json.*nothing was imported/);
    },
  );

  it('refuses with 413 a streamed body past the limit with no Content-Length, and imports nothing', async () => {
    const { app, denominators } = setup({ maxRosterBytes: 4096 });
    const big = ['learner_ref', ...Array.from({ length: 1000 }, (_, i) => `learner-${i}`)].join('\n');
    const res = await putStreamed(app, 'c1', streamed(big));
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatch(/limit of 4096 bytes.*MAX_ROSTER_BYTES.*nothing was imported/);
    expect(denominators.rosters.size).toBe(0);
  });

  it('imports a streamed body within the limit with no Content-Length', async () => {
    const res = await putStreamed(setup().app, 'c1', streamed(ROSTER, 7));
    expect(res.status).toBe(200);
    expect((await res.json()).members).toBe(3);
  });

  it('refuses with 413 a JSON roster past the limit', async () => {
    const members = Array.from({ length: 200 }, (_, i) => ({ learner_ref: `learner-${i}` }));
    const res = await put(setup({ maxRosterBytes: 1024 }).app, 'c1', {
      body: JSON.stringify({ members }),
      type: 'application/json',
    });
    expect(res.status).toBe(413);
  });

  it('refuses with 413 a gzip CSV roster that decompresses past the limit', async () => {
    const big = [
      'learner_ref,course_id',
      ...Array.from({ length: 200 }, (_, i) => `learner-${i},${'x'.repeat(100)}`),
    ].join('\n');
    const body = gzipSync(big);
    expect(body.length).toBeLessThan(4096);
    const res = await put(setup({ maxRosterBytes: 4096 }).app, 'c1', {
      body,
      type: 'text/csv',
      headers: { 'content-encoding': 'gzip' },
    });
    expect(res.status).toBe(413);
    expect((await res.json()).error).toContain('after gzip');
  });

  it('imports a gzip CSV roster', async () => {
    const res = await put(setup().app, 'c1', {
      body: gzipSync(ROSTER),
      type: 'text/csv',
      headers: { 'content-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
  });

  it('refuses a CSV body that is not UTF-8, saying so', async () => {
    const latin1 = Buffer.from('learner_ref,country\nlearner-\xe9,FR\n', 'latin1');
    const res = await put(setup().app, 'c1', { body: latin1, type: 'text/csv' });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/not valid UTF-8.*nothing was imported/);
  });
});

describe('GET /v1/cohorts', () => {
  it('lists each cohort with its member count', async () => {
    const { app } = setup();
    await putCsv(app, 'b-cohort', ROSTER);
    await putCsv(app, 'a-cohort', 'learner_ref\nlearner-1\n');
    const body = await (await app.request('/v1/cohorts')).json();
    expect(body.cohorts.map((c: { id: string; members: number }) => [c.id, c.members])).toEqual([
      ['a-cohort', 1],
      ['b-cohort', 3],
    ]);
  });
});

describe('who may call the cohort routes', () => {
  const authorize = authorizer(researcherCredentials({ exportToken: EXPORT, reportToken: REPORT }));
  const call = (method: string, path: string, token?: string) =>
    setup({ authorize }).app.request(path, {
      method,
      body: method === 'PUT' ? ROSTER : undefined,
      headers: { 'content-type': 'text/csv', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });

  it.each([
    ['PUT', '/v1/cohorts/c1', undefined, 401],
    ['PUT', '/v1/cohorts/c1', REPORT, 403],
    ['PUT', '/v1/cohorts/c1', EXPORT, 200],
    ['GET', '/v1/cohorts', undefined, 401],
    ['GET', '/v1/cohorts', REPORT, 200],
    ['GET', '/v1/cohorts', EXPORT, 200],
  ])('%s %s with token %s answers %i', async (method, path, token, status) => {
    expect((await call(method, path, token)).status).toBe(status);
  });
});
