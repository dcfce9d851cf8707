import { existsSync } from 'node:fs';
import { type OpenOptions, openStorage } from '../storage/open-storage.ts';
import type { Storage } from '../storage/storage.ts';

/**
 * openStorage for a command that reads: a mistyped SQLite path would otherwise be created empty
 * and the command would succeed with no rows, and SQLite's own errors do not name the file.
 */
export async function openExistingStorage(databaseUrl: string, options: OpenOptions = {}): Promise<Storage> {
  if (!databaseUrl.startsWith('sqlite:')) return openStorage(databaseUrl, options);
  // The same spellings open-storage.ts accepts: "sqlite:PATH" and "sqlite://PATH".
  const path = databaseUrl.slice('sqlite:'.length).replace(/^\/\//, '');
  if (path !== ':memory:' && path !== '' && !existsSync(path))
    throw new Error(`DATABASE_URL: no SQLite database at ${path} (check the path; nothing was created)`);
  try {
    return await openStorage(databaseUrl, options);
  } catch (err) {
    throw new Error(`DATABASE_URL: cannot open the SQLite database ${path}: ${(err as Error).message}`);
  }
}
