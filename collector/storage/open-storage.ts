import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { sqliteStorage } from './sqlite/sqlite-storage.ts';
import type { Storage } from './storage.ts';

const EXPECTED =
  'expected "sqlite:PATH" (e.g. sqlite:data/outcomes.sqlite) or "postgres://USER:PASSWORD@HOST:PORT/DATABASE"';

/**
 * The storage named by DATABASE_URL, migrated and ready; `poolSize` is DATABASE_POOL_SIZE (PostgreSQL only),
 * `cacheKib` SQLite's page cache for this connection (SQLite only; better-sqlite3's 16 MiB when absent).
 * `startWriter` starts SQLite's write thread now rather than at the first insert, so that a server's first
 * requests do not wait for it (SQLite only; a CLI that only reads never needs the thread).
 */
export type OpenOptions = { poolSize?: number; cacheKib?: number; startWriter?: boolean };

export async function openStorage(
  databaseUrl: string,
  { poolSize, cacheKib, startWriter }: OpenOptions = {},
): Promise<Storage> {
  const storage = await select(databaseUrl, poolSize, cacheKib, startWriter);
  try {
    await storage.migrate();
  } catch (error) {
    await storage.close().catch(() => {});
    throw error;
  }
  return storage;
}

async function select(
  databaseUrl: string,
  poolSize?: number,
  cacheKib?: number,
  startWriter?: boolean,
): Promise<Storage> {
  if (databaseUrl.startsWith('sqlite:')) {
    // "sqlite:///abs/path" and "sqlite://rel/path" are common spellings of "sqlite:/abs/path" and "sqlite:rel/path".
    const path = databaseUrl.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '') throw new Error(`DATABASE_URL: the SQLite path is empty; ${EXPECTED}`);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    return sqliteStorage(path, { cacheKib, startWriter });
  }
  if (/^postgres(ql)?:\/\/./.test(databaseUrl)) {
    try {
      new URL(databaseUrl);
    } catch {
      throw new Error(`DATABASE_URL: not a valid PostgreSQL URL; ${EXPECTED}`);
    }
    // Loaded only for PostgreSQL: pg is about 10 MiB of a SQLite export's memory (bench/profiles/export.md).
    const { postgresStorage } = await import('./postgres/postgres-storage.ts');
    return postgresStorage(databaseUrl, { poolSize });
  }
  // Never echo the value: it may carry a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(databaseUrl)?.[0];
  throw new Error(`DATABASE_URL: ${scheme ? `unsupported scheme "${scheme}"` : 'no scheme'}; ${EXPECTED}`);
}
