import { filterSql, SQLITE_CONTEXT } from '../filter-sql.ts';
import { groupCommit } from '../group-commit.ts';
import { pendingMigrations } from '../migration.ts';
import type { InsertStatus, ResponseFilter, Storage, StoredResponse } from '../storage.ts';
import { openSqlite } from './sqlite-connection.ts';
import { sqliteDenominators } from './sqlite-denominators.ts';
import { sqliteInserter } from './sqlite-insert.ts';
import { SQLITE_MIGRATIONS } from './sqlite-migrations.ts';
import { sqlitePurge } from './sqlite-purge.ts';
import { sqliteCountRejections, sqliteRejectionsByDay } from './sqlite-rejections.ts';
import { sqliteResponses } from './sqlite-responses.ts';
import { threadWriter } from './sqlite-write-thread.ts';

function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
}

/**
 * The embedded default: one file, one connection for everything but the inserts of responses, which run on the write
 * thread (sqlite-write-thread.ts) so that their statements and COMMIT + fsync do not block the event loop while the
 * next requests are read and validated. `:memory:` and temporary databases cannot be shared with a thread, so their
 * inserts run here, on the storage's own connection.
 */
export function sqliteStorage(
  path: string,
  { cacheKib, startWriter = false }: { cacheKib?: number | undefined; startWriter?: boolean | undefined } = {},
): Storage {
  const db = openSqlite(path, { cacheKib });
  const onThread = path !== ':memory:' && path !== '';
  const writer = onThread ? threadWriter(path, { cacheKib }) : undefined;

  // Prepared on first insert: the tables only exist once migrate() has run.
  const inserter = once(() => db.transaction(sqliteInserter(db)));
  const denominators = once(() => sqliteDenominators(db));
  // Concurrent requests share one IMMEDIATE transaction, hence one fsync (group-commit.ts).
  const group = groupCommit<StoredResponse, InsertStatus>(async (records) =>
    writer ? writer.insert(records) : inserter().immediate(records),
  );

  function where(filter: ResponseFilter, params: unknown[]): string[] {
    return filterSql(
      filter,
      (v) => {
        params.push(v);
        return '?';
      },
      SQLITE_CONTEXT,
    );
  }

  return {
    async migrate() {
      // IMMEDIATE takes the write lock first, so two processes starting at once run the steps once.
      db.transaction(() => {
        db.exec(
          'CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
        );
        const applied = db
          .prepare<[], { version: number }>('SELECT version FROM migrations')
          .all()
          .map((r) => r.version);
        const record = db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)');
        for (const m of pendingMigrations(SQLITE_MIGRATIONS, applied, `SQLite database ${path}`)) {
          db.exec(m.sql);
          record.run(m.version, m.name, new Date().toISOString());
        }
      }).immediate();
      // A server starts its write thread with the storage, so that its first requests do not wait for it.
      if (startWriter) await writer?.start();
    },

    async insert(records) {
      return records.length === 0 ? [] : group.insert(records);
    },

    responses(filter) {
      return sqliteResponses(db, filter);
    },

    async count(filter) {
      const params: unknown[] = [];
      const conditions = where(filter, params);
      const sql = `SELECT count(*) AS n FROM responses r ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`;
      return db.prepare<unknown[], { n: number }>(sql).get(...params)?.n ?? 0;
    },

    async eraseLearner(learnerHash) {
      return db
        .transaction(() => {
          db.prepare(
            'DELETE FROM sensitive_answers WHERE response_id IN (SELECT id FROM responses WHERE learner_hash = ?)',
          ).run(learnerHash);
          // Roster memberships and contact events go too; the count stays the responses erased.
          denominators().eraseLearner(learnerHash);
          return db.prepare('DELETE FROM responses WHERE learner_hash = ?').run(learnerHash).changes;
        })
        .immediate();
    },

    async purgeSubmittedBefore(cutoffIso) {
      // Contact events follow the responses' retention; the count stays the responses purged.
      db.transaction(() => denominators().purgeEvents(cutoffIso)).immediate();
      return sqlitePurge(db, cutoffIso);
    },

    importRoster: (...args) => denominators().importRoster(...args),
    cohorts: () => denominators().cohorts(),
    insertContactEvents: (records) => denominators().insertContactEvents(records),
    rosterMembers: (cohortId) => denominators().rosterMembers(cohortId),
    memberFacts: (query) => denominators().memberFacts(query),
    outsideRoster: (query) => denominators().outsideRoster(query),
    countContactEvents: (query) => denominators().countContactEvents(query),

    async setOptOut(learnerHash, surveyId, at) {
      // The first opt-out stands; repeating it from another device changes nothing.
      db.prepare('INSERT INTO opt_outs (learner_hash, survey_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(
        learnerHash,
        surveyId,
        at,
      );
    },

    async optedOut(learnerHash, surveyId) {
      return (
        db.prepare('SELECT 1 FROM opt_outs WHERE learner_hash = ? AND survey_id = ?').get(learnerHash, surveyId) !==
        undefined
      );
    },

    async answeredWaves(learnerHash, surveyId) {
      const rows = db
        .prepare<
          [string, string],
          { wave: string }
        >(`SELECT DISTINCT json_extract(context, '$.wave') AS wave FROM responses
          WHERE learner_hash = ? AND survey_id = ? AND json_extract(context, '$.wave') IS NOT NULL ORDER BY wave`)
        .all(learnerHash, surveyId);
      return rows.map((r) => r.wave);
    },

    async completedWave(learnerHash, surveyId, wave) {
      const row = db
        .prepare(`SELECT 1 FROM responses INDEXED BY responses_revision
          WHERE learner_hash = ? AND survey_id = ? AND json_extract(context, '$.wave') = ? AND status = 'complete'
          LIMIT 1`)
        .get(learnerHash, surveyId, wave);
      return row !== undefined;
    },

    async countRejections(day, siteKey, counts) {
      sqliteCountRejections(db, day, siteKey, counts);
    },

    async rejectionsByDay(from, to) {
      return sqliteRejectionsByDay(db, from, to);
    },

    async ping() {
      try {
        return db.prepare('SELECT 1 AS ok').get() !== undefined;
      } catch {
        return false;
      }
    },

    async close() {
      await group.drain();
      await writer?.close();
      if (db.open) db.close();
    },
  };
}
