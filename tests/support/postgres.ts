import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from './free-port.ts';

const run = promisify(execFile);

export type Postgres = { url: string; stop(): Promise<void> };

function binary(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(':').concat('/usr/lib/postgresql/15/bin')) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(
    `tests/support/postgres.ts: ${name} not found on PATH nor in /usr/lib/postgresql/15/bin; install PostgreSQL 15 or set TEST_DATABASE_URL`,
  );
}

/** initdb and the server refuse to run as root: as root, run them as an unprivileged user that exists here. */
async function runAs(): Promise<{ user: string; uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  for (const user of ['postgres', 'nobody']) {
    const ids = await run('id', ['-u', user]).then(
      async (u) => ({ user, uid: Number(u.stdout), gid: Number((await run('id', ['-g', user])).stdout) }),
      () => undefined,
    );
    if (ids) return ids;
  }
  throw new Error(
    'tests/support/postgres.ts: running as root and neither user "postgres" nor "nobody" exists to run PostgreSQL as',
  );
}

/**
 * A throwaway PostgreSQL cluster in a temporary folder, on a free loopback port. Tests run it without fsync;
 * the bench asks for `{ durable: true }` (fsync, synchronous_commit and full-page writes on, PostgreSQL's defaults)
 * so that an ack there costs what it costs in production.
 */
export async function startPostgres(opts: { durable?: boolean } = {}): Promise<Postgres> {
  const [initdb, pgCtl] = [binary('initdb'), binary('pg_ctl')];
  const owner = await runAs();
  const as = (cmd: string, args: string[]) =>
    owner ? run('runuser', ['-u', owner.user, '--', cmd, ...args]) : run(cmd, args);
  const dir = await mkdtemp(join(tmpdir(), 'outcome-pg-'));
  if (owner) await chown(dir, owner.uid, owner.gid);
  const data = join(dir, 'data');
  await as(initdb, [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
    '--no-instructions',
  ]);
  let lastError: unknown;
  // The port is free when chosen but another process may take it first: retry a few times.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const durability = opts.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
    const options = `-k ${dir} -c listen_addresses=127.0.0.1 -p ${port}${durability}`;
    try {
      await as(pgCtl, ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', options, 'start']);
    } catch (error) {
      lastError = error;
      continue;
    }
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      async stop() {
        await as(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
  await rm(dir, { recursive: true, force: true });
  throw new Error(`tests/support/postgres.ts: pg_ctl start failed three times: ${String(lastError)}`);
}

/** A new empty database on the server at `url`, so each test starts clean; `drop` removes it. */
export async function createDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    url: dbUrl.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
