import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSettings, createApp } from '../../../collector/app.ts';
import { memoryLogger } from '../../../collector/logging/logger.ts';
import { openStorage } from '../../../collector/storage/open-storage.ts';
import type { Storage } from '../../../collector/storage/storage.ts';
import { loadSurveyFile, SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import type { SurveyResponse } from '../../../protocol/index.ts';
import { parseCsv } from '../../e2e/support/export-rows.ts';
import { createDatabase } from '../../support/postgres.ts';
import { usePostgresServer } from '../../support/use-postgres-server.ts';
import { runExport } from '../cli/run-export.ts';
import { batch, post, TOKEN, testConfig } from '../http/test-app.ts';

// The export's context and harmonised columns, from responses ingested through POST /v1/responses into each
// database, read back through GET /v1/export: what a researcher downloads, not what a unit test builds.
const SURVEY = loadSurveyFile(join(import.meta.dirname, '../../../surveys/career-outcomes.json'));
const pg = usePostgresServer();

let n = 0;
function learner(country: string, answers: SurveyResponse['answers'], context: SurveyResponse['context']) {
  n++;
  return {
    id: `0190a0b0-0000-7000-8000-${n.toString(16).padStart(12, '0')}`,
    surveyId: SURVEY.id,
    surveyVersion: SURVEY.version,
    submittedAt: '2026-01-31T12:00:00Z',
    locale: 'en',
    country,
    answers: { situation: 'employed', ...answers },
    consent: { sensitive: true, version: SURVEY.consentVersion ?? '1' },
    context,
  } satisfies SurveyResponse;
}

const RESPONSES = [
  learner(
    'FR',
    { area_fr: 'yes', diploma_fr: 'cap_bep', pay_band_eur: 'from_20k_to_30k' },
    { courseId: 'web-dev', pathId: 'evening', trigger: 'manual', wave: 'm6' },
  ),
  learner(
    'GB',
    { area_gb: 'dont_know', diploma_gb: 'rqf_6', pay_band_gbp: 'from_20k_to_30k' },
    { courseId: 'web-dev', pathId: 'day', trigger: 'delay:5', wave: 'm0' },
  ),
  learner(
    'US',
    { area_us: 'no', diploma_us: 'prefer_not_to_say', pay_band_usd: 'from_100k' },
    { courseId: 'data', pathId: 'evening', trigger: 'waves', wave: 'm12' },
  ),
  learner('JP', { area_jp: 'prefer_not_to_say', diploma_jp: 'senmon', pay_band_jpy: 'below_3m' }, undefined),
];

const HEADER_TAIL = ['area_any', 'isced_level', 'pay_band_eur_equivalent'];

describe.each([
  [
    'SQLite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'outcome-export-'));
      return { url: `sqlite:${join(dir, 'outcomes.sqlite')}`, drop: () => rm(dir, { recursive: true, force: true }) };
    },
  ],
  ['PostgreSQL', async () => createDatabase(pg())],
])('the CSV export on %s', (_name, database) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  let url: string;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    const db = await database();
    drop = db.drop;
    url = db.url;
    storage = await openStorage(db.url);
    const config = testConfig();
    const deps = { storage, surveys: new SurveyRegistry([SURVEY]), settings: appSettings(config) };
    app = createApp(deps, { config, log: memoryLogger() });
    const ack = await (await post(app, batch(...RESPONSES))).json();
    expect(ack.accepted).toHaveLength(RESPONSES.length);
  });
  afterAll(async () => {
    await storage?.close();
    await drop?.();
  });

  async function rows(query: string) {
    const res = await app.request(`/v1/export?format=csv&survey=${SURVEY.id}${query}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    return parseCsv(await res.text());
  }

  it('has course_id, path_id, trigger and wave columns holding each response’s context', async () => {
    const byCountry = Object.fromEntries((await rows('')).map((r) => [r.country, r]));
    const pick = (r: Record<string, string>) => [r.course_id, r.path_id, r.trigger, r.wave];
    expect(pick(byCountry.FR)).toEqual(['web-dev', 'evening', 'manual', 'm6']);
    expect(pick(byCountry.GB)).toEqual(['web-dev', 'day', 'delay:5', 'm0']);
    expect(pick(byCountry.US)).toEqual(['data', 'evening', 'waves', 'm12']);
    expect(pick(byCountry.JP)).toEqual(['', '', '', '']);
  });

  it('has the harmonised columns beside the country variants they read', async () => {
    const all = await rows('');
    expect(Object.keys(all[0])).toEqual(
      expect.arrayContaining(['area_fr', 'diploma_gb', 'pay_band_jpy', ...HEADER_TAIL]),
    );
    const byCountry = Object.fromEntries(all.map((r) => [r.country, HEADER_TAIL.map((c) => r[c])]));
    // Hand-computed: GBP 25,000 / 0.82918 = 30,150 → 30,200; USD 125,000 / 1.0389 = 120,320 → 120,300;
    // JPY 2,250,000 / 163.06 = 13,798 → 13,800.
    expect(byCountry).toEqual({
      FR: ['yes', '3', '25000'],
      GB: ['unknown', '6', '30200'],
      US: ['no', '', '120300'],
      JP: ['unknown', '5', '13800'],
    });
  });

  it.each([
    ['&course_id=web-dev', ['FR', 'GB']],
    ['&path_id=evening', ['FR', 'US']],
    ['&course_id=web-dev&path_id=day', ['GB']],
    ['&course_id=astronomy', []],
  ])('keeps only the rows of %s', async (query, countries) => {
    expect((await rows(query)).map((r) => r.country).sort()).toEqual(countries);
  });

  it('gives npm run export -- --course_id ID --path_id ID the same rows and columns', async () => {
    const env = { DATABASE_URL: url, SURVEYS_DIR: join(import.meta.dirname, '../../../surveys') };
    const run = await runExport(['--course_id', 'web-dev', '--path_id', 'evening', '--out', '-'], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [fr, ...others] = parseCsv(run.stdout);
    expect(others).toEqual([]);
    expect([fr.country, fr.course_id, fr.path_id, fr.trigger, fr.wave, fr.isced_level]).toEqual([
      'FR',
      'web-dev',
      'evening',
      'manual',
      'm6',
      '3',
    ]);
  });
});
