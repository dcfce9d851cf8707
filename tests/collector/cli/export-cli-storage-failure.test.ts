import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { openStorage } from '../../../collector/storage/open-storage.ts';
import { generateResponses } from '../../support/generate-responses.ts';
import { createDatabase } from '../../support/postgres.ts';
import { usePostgresServer } from '../../support/use-postgres-server.ts';
import { exportFixture } from './run-export.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const server = usePostgresServer();
let dir: string | undefined;
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

it.each(['-', 'FILE'])(
  'exits 1, names the failure and leaves no cut file when the database goes away part way (--out %s)',
  async (out) => {
    const fixture = await exportFixture(0);
    dir = fixture.dir;
    // A named pipe stands in for the file: the export writes to it as to any path, and the test holds it
    // mid-way by not reading, instead of racing a fast disk.
    const target = out === '-' ? '-' : join(fixture.dir, 'all.jsonl');
    if (target !== '-') execFileSync('mkfifo', [target]);
    const db = await createDatabase(server());
    const storage = await openStorage(db.url);
    // Several keyset pages (1,000 rows each) and far more than a pipe holds, so the export is blocked mid-way.
    await storage.insert([...generateResponses(3000)]);
    await storage.close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'collector/cli/export.ts'), '--format', 'jsonl', '--out', target],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH, DATABASE_URL: db.url, SURVEYS_DIR: fixture.surveysDir },
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const exited = once(child, 'close') as Promise<[number | null]>;
    // The first rows are out: stop reading, so the export waits on the pipe, then take the database away.
    const rows = target === '-' ? child.stdout : createReadStream(target);
    await once(rows, 'data');
    rows.pause();
    const admin = new pg.Client({ connectionString: server() });
    await admin.connect();
    await admin.query(`DROP DATABASE ${new URL(db.url).pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
    rows.resume();

    const [code] = await exited;
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^export failed: .*the export stopped part way.*check that the database \(DATABASE_URL\) is up/m,
    );
    if (target !== '-') expect(existsSync(target)).toBe(false);
  },
);
