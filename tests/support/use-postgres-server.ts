import { afterAll, beforeAll, inject } from 'vitest';
import { type Postgres, startPostgres } from './postgres.ts';

/**
 * The URL of a PostgreSQL server for this test file: the run's shared one (the global setup,
 * tests/support/postgres-global-setup.ts) or TEST_DATABASE_URL; a file run alone without
 * either starts a cluster of its own, stopped after the file.
 */
export function usePostgresServer(): () => string {
  let url: string | undefined = inject('pgUrl') ?? process.env.TEST_DATABASE_URL;
  let own: Postgres | undefined;
  beforeAll(async () => {
    if (url) return;
    own = await startPostgres();
    url = own.url;
  }, 60_000);
  afterAll(() => own?.stop());
  return () => {
    if (!url) throw new Error('no PostgreSQL server: the beforeAll hook failed to start one');
    return url;
  };
}
