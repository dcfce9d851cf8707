import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type FigureQuery, memberDispositionParams } from './denominators-group-by.ts';

function psql(): string {
  for (const dir of (process.env.PATH ?? '').split(':').concat('/usr/lib/postgresql/15/bin')) {
    if (dir && existsSync(join(dir, 'psql'))) return join(dir, 'psql');
  }
  throw new Error(
    'bench/denominators-copy.ts: psql not found on PATH nor in /usr/lib/postgresql/15/bin; install the PostgreSQL client',
  );
}

// Single quotes doubled: the values are the bench's own (survey and cohort ids, a date, numbers).
const literal = (v: unknown) => `'${String(v).replaceAll("'", "''")}'`;

/**
 * The floor of a per-member export: `sql` run by psql as COPY … TO STDOUT (CSV), every row read and dropped, with
 * the query's parameters written in as literals since COPY takes none. Returns the wall time, psql's start included.
 */
export function copyToNowhere(url: string, sql: string, q: FigureQuery): Promise<{ seconds: number }> {
  const params = memberDispositionParams(q);
  const inlined = sql.replace(/\$(\d+)/g, (_, n: string) => literal(params[Number(n) - 1]));
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const copy = `COPY (${inlined}) TO STDOUT WITH (FORMAT csv, HEADER)`;
    const child = spawn(psql(), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', copy], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-2000);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve({ seconds: (performance.now() - t0) / 1000 })
        : reject(new Error(`psql COPY of the per-member dispositions exited ${code}:\n${stderr}`)),
    );
  });
}
