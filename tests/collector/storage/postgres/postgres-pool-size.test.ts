import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../../../collector/storage/open-storage.ts';
import { createDatabase } from '../../../support/postgres.ts';
import { usePostgresServer } from '../../../support/use-postgres-server.ts';

// DATABASE_POOL_SIZE: several instances share one server, so each must hold no more connections than it was given.
const server = usePostgresServer();

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
    const db = await createDatabase(server());
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
