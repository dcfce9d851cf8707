import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { POSTGRES_MIGRATIONS } from '../../../collector/storage/postgres-migrations.ts';
import { createDatabase, type Postgres, startPostgres } from '../../support/postgres.ts';
import { describeStorage } from './storage-suite.ts';

// The server comes from the global setup (tests/support/postgres-global-setup.ts) or
// TEST_DATABASE_URL; run alone without either, this file starts its own cluster.
let serverUrl = inject('pgUrl') ?? process.env.TEST_DATABASE_URL;
let own: Postgres | undefined;

beforeAll(async () => {
  if (serverUrl) return;
  own = await startPostgres();
  serverUrl = own.url;
}, 60_000);
afterAll(() => own?.stop());

describeStorage('PostgreSQL', async () => {
  if (!serverUrl) throw new Error('no PostgreSQL server: the beforeAll hook failed to start one');
  const db = await createDatabase(serverUrl);
  async function exec(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
  return {
    url: db.url,
    async rows(table) {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
      } finally {
        await client.end();
      }
    },
    exec,
    async atFirstRelease() {
      await exec(`CREATE TABLE migrations (version integer PRIMARY KEY, name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now());
        ${POSTGRES_MIGRATIONS[0].sql}
        INSERT INTO migrations (version, name) VALUES (1, 'first release');`);
    },
    cleanup: db.drop,
  };
});
