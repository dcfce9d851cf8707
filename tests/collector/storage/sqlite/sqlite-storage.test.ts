import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_MIGRATIONS } from '../../../../collector/storage/sqlite/sqlite-migrations.ts';
import { describeStorage } from '../storage-suite.ts';

describeStorage('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'outcome-sqlite-'));
  // A folder that does not exist yet: openStorage must create it.
  const file = join(dir, 'nested', 'outcomes.sqlite');
  async function exec(sql: string): Promise<void> {
    const db = new Database(file);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
  }
  return {
    url: `sqlite:${file}`,
    async rows(table) {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
      } finally {
        db.close();
      }
    },
    exec,
    async atFirstRelease() {
      await mkdir(dirname(file), { recursive: true });
      await exec(`CREATE TABLE migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
        ${SQLITE_MIGRATIONS[0].sql}
        INSERT INTO migrations VALUES (1, 'first release', '2026-01-01T00:00:00.000Z');`);
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});
