import pg from 'pg';
import { POSTGRES_MIGRATIONS } from '../../../../collector/storage/postgres/postgres-migrations.ts';
import { createDatabase } from '../../../support/postgres.ts';
import { usePostgresServer } from '../../../support/use-postgres-server.ts';
import { describeStorage } from '../storage-suite.ts';

const server = usePostgresServer();

describeStorage('PostgreSQL', async () => {
  const db = await createDatabase(server());
  async function exec(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
  return {
    url: db.url,
    async rows(table) {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        return (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
      } finally {
        await client.end();
      }
    },
    exec,
    async atFirstRelease() {
      await exec(`CREATE TABLE migrations (version integer PRIMARY KEY, name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now());
        ${POSTGRES_MIGRATIONS[0].sql}
        INSERT INTO migrations (version, name) VALUES (1, 'first release');`);
    },
    cleanup: db.drop,
  };
});
