// pg rather than postgres.js: the most used and longest maintained Node driver, typed
// through @types/pg, pure JavaScript (no native build to break on deploy), with a Pool
// whose behaviour under load and failover is well documented.
import pg from 'pg';
import { filterSql, PAGE_SIZE, POSTGRES_CONTEXT, SELECT_JOINED } from '../filter-sql.ts';
import { groupCommit } from '../group-commit.ts';
import { type Keyset, keysetPage } from '../keyset-page.ts';
import { pendingMigrations } from '../migration.ts';
import type { InsertStatus, ResponseFilter, Storage, StoredResponse } from '../storage.ts';
import { fromRow, type JoinedRow } from '../stored-row.ts';
import { withTransaction } from '../with-transaction.ts';
import { eraseMemberData, postgresDenominators, purgeEvents } from './postgres-denominators.ts';
import { insertBatch } from './postgres-insert.ts';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.ts';
import { postgresPurge } from './postgres-purge.ts';
import { postgresCountRejections, postgresRejectionsByDay } from './postgres-rejections.ts';

/** Any constant shared by every instance: the key of the advisory lock that serialises migrations. */
const MIGRATION_LOCK = 7_460_315;

/** The scale-out adapter: stateless, so several collector instances can share one database. */
export function postgresStorage(connectionString: string, { poolSize = 10 }: { poolSize?: number } = {}): Storage {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client losing its connection must not crash the process: the next query
  // fails with the cause and /healthz (ping) reports it.
  pool.on('error', () => {});
  // A connection lost while checked out (inside withTransaction) emits 'error' on its client, which pg-pool leaves
  // unhandled and would kill the process; the query in flight rejects anyway, so the caller answers 503.
  pool.on('connect', (client) => client.on('error', () => {}));

  const denominators = postgresDenominators(pool);
  // Concurrent requests share one transaction, hence one commit and its WAL flush (group-commit.ts).
  const group = groupCommit<StoredResponse, InsertStatus>((records) =>
    withTransaction(pool, (client) => insertBatch(client, records)),
  );

  function where(filter: ResponseFilter, params: unknown[]): string[] {
    return filterSql(
      filter,
      (v) => {
        params.push(v);
        return `$${params.length}`;
      },
      POSTGRES_CONTEXT,
    );
  }

  return {
    async migrate() {
      await withTransaction(pool, async (client) => {
        // Held until commit: a second instance starting at once waits here, then finds nothing to do.
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
        await client.query(
          'CREATE TABLE IF NOT EXISTS migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
        );
        const applied = (await client.query<{ version: number }>('SELECT version FROM migrations')).rows.map(
          (r) => r.version,
        );
        for (const m of pendingMigrations(POSTGRES_MIGRATIONS, applied, 'PostgreSQL database')) {
          await client.query(m.sql);
          await client.query('INSERT INTO migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
        }
      });
    },

    async insert(records) {
      if (records.length === 0) return [];
      return group.insert(records);
    },

    // Keyset pages by (submitted_at, id): constant memory, no cursor holding a connection between pages.
    async *responses(filter) {
      let after: Keyset | undefined;
      for (;;) {
        const params: unknown[] = [];
        const tail = keysetPage(
          filter,
          after,
          (v) => {
            params.push(v);
            return `$${params.length}`;
          },
          POSTGRES_CONTEXT,
        );
        const { rows } = await pool.query<JoinedRow>(`${SELECT_JOINED} ${tail}`, params);
        for (const row of rows) yield fromRow(row);
        if (rows.length < PAGE_SIZE) return;
        const last = rows[rows.length - 1];
        after = { at: last.submitted_at, id: last.id };
      }
    },

    async count(filter) {
      const params: unknown[] = [];
      const conditions = where(filter, params);
      const sql = `SELECT count(*)::int AS n FROM responses r ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`;
      return (await pool.query<{ n: number }>(sql, params)).rows[0].n;
    },

    async eraseLearner(learnerHash) {
      return withTransaction(pool, async (client) => {
        await client.query(
          'DELETE FROM sensitive_answers WHERE response_id IN (SELECT id FROM responses WHERE learner_hash = $1)',
          [learnerHash],
        );
        // Roster memberships and contact events go too; the count stays the responses erased.
        await eraseMemberData(client, learnerHash);
        return (await client.query('DELETE FROM responses WHERE learner_hash = $1', [learnerHash])).rowCount ?? 0;
      });
    },

    async purgeSubmittedBefore(cutoffIso) {
      // Contact events follow the responses' retention; the count stays the responses purged.
      await purgeEvents(pool, cutoffIso);
      return postgresPurge(pool, cutoffIso);
    },

    ...denominators,

    async setOptOut(learnerHash, surveyId, at) {
      // The first opt-out stands; repeating it from another device changes nothing.
      await pool.query(
        'INSERT INTO opt_outs (learner_hash, survey_id, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [learnerHash, surveyId, at],
      );
    },

    async optedOut(learnerHash, surveyId) {
      const { rowCount } = await pool.query('SELECT 1 FROM opt_outs WHERE learner_hash = $1 AND survey_id = $2', [
        learnerHash,
        surveyId,
      ]);
      return (rowCount ?? 0) > 0;
    },

    async answeredWaves(learnerHash, surveyId) {
      const { rows } = await pool.query<{ wave: string }>(
        `SELECT DISTINCT context->>'wave' COLLATE "C" AS wave FROM responses
         WHERE learner_hash = $1 AND survey_id = $2 AND context->>'wave' IS NOT NULL ORDER BY wave`,
        [learnerHash, surveyId],
      );
      return rows.map((r) => r.wave);
    },

    async completedWave(learnerHash, surveyId, wave) {
      const { rowCount } = await pool.query(
        `SELECT 1 FROM responses
         WHERE learner_hash = $1 AND survey_id = $2 AND context->>'wave' = $3 AND status = 'complete' LIMIT 1`,
        [learnerHash, surveyId, wave],
      );
      return (rowCount ?? 0) > 0;
    },

    async countRejections(day, siteKey, counts) {
      await postgresCountRejections(pool, day, siteKey, counts);
    },

    async rejectionsByDay(from, to) {
      return postgresRejectionsByDay(pool, from, to);
    },

    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },

    async close() {
      await group.drain();
      if (!pool.ended) await pool.end();
    },
  };
}
