import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describeStorage } from './storage-suite.ts';

describeStorage('SQLite', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'outcome-sqlite-'));
  // A folder that does not exist yet: openStorage must create it.
  const file = join(dir, 'nested', 'outcomes.sqlite');
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
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});
