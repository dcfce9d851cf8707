import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A database kind the bench runs against: `fresh()` gives a new empty database URL each call. */
export type DatabaseTarget = {
  name: 'SQLite' | 'PostgreSQL';
  version: string;
  fresh(): Promise<string>;
  stop(): Promise<void>;
};

export function sqliteTarget(tmp: string, version: string): DatabaseTarget {
  let n = 0;
  return {
    name: 'SQLite',
    version,
    fresh: async () => `sqlite:${join(tmp, `bench-${process.pid}-${n++}.sqlite`)}`,
    stop: async () => {},
  };
}

type PostgresSupport = {
  startPostgres(opts?: { durable?: boolean }): Promise<{ url: string; stop(): Promise<void> }>;
  createDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }>;
};

/**
 * A throwaway cluster from tests/support/postgres.ts, or the reason there is none. `durable` keeps PostgreSQL's
 * defaults (fsync, synchronous_commit, full_page_writes on), as ingest figures need; reads may run without.
 */
export async function postgresTarget(root: string, opts: { durable?: boolean } = {}): Promise<DatabaseTarget | string> {
  const support = join(root, 'tests/support/postgres.ts');
  if (!existsSync(support)) return 'tests/support/postgres.ts is missing';
  const mod = (await import(support)) as PostgresSupport;
  let server: Awaited<ReturnType<PostgresSupport['startPostgres']>>;
  try {
    server = await mod.startPostgres(opts);
  } catch (err) {
    return `could not start PostgreSQL: ${(err as Error).message.split('\n')[0]}`;
  }
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const version = (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v;
  await client.end();
  return {
    name: 'PostgreSQL',
    version: `${version} (throwaway cluster, ${opts.durable ? 'fsync on' : 'fsync=off as in tests'})`,
    fresh: async () => (await mod.createDatabase(server.url)).url,
    stop: () => server.stop(),
  };
}
