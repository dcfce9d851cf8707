import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { appSettings, createApp } from '../../../collector/app.ts';
import { memoryLogger } from '../../../collector/logging/logger.ts';
import { openStorage } from '../../../collector/storage/open-storage.ts';
import type { Storage } from '../../../collector/storage/storage.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { generateResponses, TEST_SURVEYS } from '../../support/generate-responses.ts';
import { createDatabase } from '../../support/postgres.ts';
import { usePostgresServer } from '../../support/use-postgres-server.ts';
import { ORIGIN, response, SITE_KEY, TOKEN, testConfig } from '../http/test-app.ts';

/** A real database, and a way to make it refuse every write while it still answers reads (as a full disk does). */
type Database_ = { url: string; refuseWrites(): Promise<void>; cleanup(): Promise<void> };

const TABLES = ['responses', 'sensitive_answers', 'opt_outs', 'rejections_daily'];
const server = usePostgresServer();

const databases: [string, () => Promise<Database_>][] = [
  [
    'SQLite',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'outcome-fail-'));
      const file = join(dir, 'outcomes.sqlite');
      return {
        url: `sqlite:${file}`,
        // Triggers are part of the schema, so the collector's own connection obeys them: a real SqliteError.
        async refuseWrites() {
          const db = new Database(file);
          for (const table of TABLES)
            for (const op of ['INSERT', 'UPDATE', 'DELETE'])
              db.exec(`CREATE TRIGGER refuse_${op}_${table} BEFORE ${op} ON ${table}
                BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END`);
          db.close();
        },
        cleanup: () => rm(dir, { recursive: true, force: true }),
      };
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const db = await createDatabase(server());
      return {
        url: db.url,
        // SQLSTATE 53100 disk_full, the error PostgreSQL itself raises when its disk fills up.
        async refuseWrites() {
          const client = new pg.Client({ connectionString: db.url });
          await client.connect();
          await client.query(`CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END $$`);
          for (const table of TABLES)
            await client.query(
              `CREATE TRIGGER refuse BEFORE INSERT OR UPDATE OR DELETE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION refuse()`,
            );
          await client.end();
        },
        cleanup: db.drop,
      };
    },
  ],
];

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
  body: JSON.stringify(body),
});
const auth = { authorization: `Bearer ${TOKEN}` };
const SURVEY = TEST_SURVEYS[0].id;

describe.each(databases)('storage failures over %s', (_name, fresh) => {
  let db: Database_;
  let storage: Storage | undefined;
  afterEach(async () => {
    await storage?.close().catch(() => {});
    await db.cleanup();
  });

  async function collector() {
    db = await fresh();
    storage = await openStorage(db.url);
    const config = testConfig();
    const log = memoryLogger();
    const surveys = new SurveyRegistry(TEST_SURVEYS);
    const app = createApp({ storage, surveys, settings: appSettings(config) }, { config, log });
    return { app, log, storage };
  }

  const writes: [string, string, RequestInit][] = [
    ['ingest', '/v1/responses', json({ siteKey: SITE_KEY, responses: [response({ surveyId: SURVEY })] })],
    ['erasure', '/v1/learners/learner-1', { method: 'DELETE', headers: auth }],
    ['opt-out', '/v1/eligibility/opt-out', json({ siteKey: SITE_KEY, learnerRef: 'learner-1', surveyId: SURVEY })],
  ];

  it.each(writes)(
    'answers %s with 503 and Retry-After when the database refuses writes, and health turns 503',
    async (_what, path, init) => {
      const { app } = await collector();
      // A row to erase, so that SQLite's row triggers have something to refuse.
      const stored = await app.request(
        '/v1/responses',
        json({ siteKey: SITE_KEY, responses: [response({ surveyId: SURVEY, learnerRef: 'learner-1' })] }),
      );
      expect(stored.status).toBe(200);
      expect((await app.request('/healthz')).status).toBe(200);
      await db.refuseWrites();

      const res = await app.request(path, init);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect((await res.json()).error).toMatch(/^storage unavailable: .*retry after 5 s/);

      const health = await app.request('/healthz');
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, storage: 'up', writes: 'failing' });
    },
  );

  const reads: [string, string, RequestInit][] = [
    ['eligibility', '/v1/eligibility', json({ siteKey: SITE_KEY, learnerRef: 'learner-1', surveyId: SURVEY })],
    ['the report', `/v1/report?survey=${SURVEY}`, { headers: auth }],
    ['erasure', '/v1/learners/learner-1', { method: 'DELETE', headers: auth }],
  ];

  it.each(reads)('answers %s with 503 and Retry-After when the database is closed', async (_what, path, init) => {
    const { app, storage } = await collector();
    await storage.close();
    const res = await app.request(path, init);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
  });

  it('logs an export whose database fails part way as aborted, not as a plain 200', async () => {
    const { app, log, storage } = await collector();
    // More than one keyset page (1,000 rows), so the stream needs the database again after its first page.
    await storage.insert([...generateResponses(2500)]);
    const res = await app.request(`/v1/export?format=jsonl&survey=${SURVEY}`, { headers: auth });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    expect((await reader.read()).done).toBe(false);
    await storage.close();
    await expect(
      (async () => {
        while (!(await reader.read()).done);
      })(),
    ).rejects.toThrow();
    expect(log.lines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        path: '/v1/export',
        status: 200,
        aborted: 'server',
        code: 'storage_unavailable',
      }),
    );
    expect(log.lines).not.toContainEqual(expect.objectContaining({ level: 'info', path: '/v1/export' }));
  });
});
