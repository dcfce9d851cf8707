import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStorage } from '../../../collector/storage/open-storage.ts';

describe('openStorage', () => {
  it.each([
    {
      url: 'mysql://root:secret@db/outcomes',
      reason: /DATABASE_URL: unsupported scheme "mysql:".*sqlite:PATH.*postgres:\/\//,
    },
    { url: 'data/outcomes.sqlite', reason: /DATABASE_URL: no scheme/ },
    { url: '', reason: /DATABASE_URL: no scheme/ },
    { url: 'sqlite:', reason: /DATABASE_URL: the SQLite path is empty/ },
    { url: 'postgres://[bad', reason: /DATABASE_URL: not a valid PostgreSQL URL/ },
  ])('refuses $url with a message naming DATABASE_URL', async ({ url, reason }) => {
    await expect(openStorage(url)).rejects.toThrow(reason);
  });

  it('never repeats the URL, which may hold a password', async () => {
    await expect(openStorage('mysql://root:secret@db/outcomes')).rejects.not.toThrow(/secret/);
  });

  it('creates the folder of a SQLite file and migrates it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'outcome-open-'));
    try {
      const file = join(dir, 'a', 'b', 'outcomes.sqlite');
      const storage = await openStorage(`sqlite:${file}`);
      expect(await storage.count({})).toBe(0);
      await storage.close();
      expect(existsSync(file)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
