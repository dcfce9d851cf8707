import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openStorage } from '../../../collector/storage/open-storage.ts';
import { createDatabase, type Postgres, startPostgres } from '../../support/postgres.ts';

// DATABASE_POOL_SIZE: several instances share one server, so each must hold no more connections than it was given.
let serverUrl = inject('pgUrl') ?? process.env.TEST_DATABASE_URL;
let own: Postgres | undefined;

beforeAll(async () => {
  if (serverUrl) return;
  own = await startPostgres();
  serverUrl = own.url;
}, 60_000);
afterAll(() => own?.stop());

async function connectionsTo(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}

describe('PostgreSQL pool size', () => {
  it.each([2, 5])('holds at most %i connections however many queries run at once', async (poolSize) => {
    if (!serverUrl) throw new Error('no PostgreSQL server: the beforeAll hook failed to start one');
    const db = await createDatabase(serverUrl);
    const storage = await openStorage(db.url, { poolSize });
    try {
      // Twelve queries at once: the pool opens every connection it may, and no more.
      await Promise.all(Array.from({ length: 12 }, () => storage.count({})));
      expect(await connectionsTo(db.url)).toBe(poolSize);
    } finally {
      await storage.close();
    }
  });
});
