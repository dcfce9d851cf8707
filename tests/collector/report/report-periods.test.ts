import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../../collector/app-deps.ts';
import { researcherRoutes } from '../../../collector/researcher/researcher-routes.ts';
import { openStorage } from '../../../collector/storage/open-storage.ts';
import type { Storage, StoredResponse } from '../../../collector/storage/storage.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { allowAll } from '../../support/allow-all.ts';
import { generateResponses, TEST_SURVEYS } from '../../support/generate-responses.ts';
import { createDatabase } from '../../support/postgres.ts';
import { usePostgresServer } from '../../support/use-postgres-server.ts';

const DAY = 86_400_000;
const settings = { minCell: 10, roundTo: 5, minPercentBase: 23, includeAsylumSeekers: false };

// 60 responses in January and February 2026, then one dated far off, as a row stored before ingest bounded
// submittedAt (or written by another tool) would be: the report must stay right and small whatever is stored.
function rows(outlier: string): StoredResponse[] {
  const usual = [...generateResponses(60, Date.UTC(2026, 0, 1), DAY)];
  return [...usual, { ...usual[0], id: '00000000-0000-7000-8000-ffffffffffff', submittedAt: outlier }];
}

const server = usePostgresServer();
const tmp = mkdtempSync(join(tmpdir(), 'report-periods-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each([
  ['SQLite', async (name: string) => openStorage(`sqlite:${join(tmp, `${name}.sqlite`)}`)],
  ['PostgreSQL', async () => openStorage((await createDatabase(server())).url)],
])('GET /v1/report over %s with a far-off submittedAt stored', (_, open) => {
  const stores: Storage[] = [];
  const appWith = async (name: string, data: StoredResponse[]) => {
    const storage = await open(name);
    stores.push(storage);
    await storage.migrate();
    await storage.insert(data);
    const deps: AppDeps = { storage, surveys: new SurveyRegistry(TEST_SURVEYS), settings };
    return researcherRoutes(deps, allowAll);
  };
  let early: Awaited<ReturnType<typeof appWith>>;
  let late: Awaited<ReturnType<typeof appWith>>;
  beforeAll(async () => {
    early = await appWith('early', rows('0001-01-01T00:00:00Z'));
    late = await appWith('late', rows('9999-12-31T23:59:59Z'));
  }, 60_000);
  afterAll(async () => {
    for (const s of stores) await s.close();
  });

  it('lists zero-padded months in time order and counts every response in the total', async () => {
    const report = await (await early.request('/v1/report?survey=outcomes-test&by=month')).json();
    expect(report.periods).toEqual(['0001-01', '2026-01', '2026-02', '2026-03']);
    expect(report.tables.responses.total).toEqual({ count: 60 });
    expect(report.notes.join(' ')).toMatch(/1 run\(s\) of more than 120 empty months are left out/);
  });

  it.each([
    ['year', 'early', ['0001', '2026']],
    ['country,year', 'late', ['2026', '9999']],
    ['month', 'late', ['2026-01', '2026-02', '2026-03', '9999-12']],
  ])('keeps by=%s small with the %s outlier', async (by, which, periods) => {
    const app = which === 'early' ? early : late;
    const res = await app.request(`/v1/report?survey=outcomes-test&by=${by}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text).periods).toEqual(periods);
    expect(text.length).toBeLessThan(200_000);
  });
});
