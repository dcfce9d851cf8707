import type pg from 'pg';
import { CONTACT_EVENT_COLUMNS, type ContactEventRow, toContactEventRow } from '../contact-event-row.ts';
import type { DenominatorStorage, StoredMember, WaveQuery } from '../denominator-storage.ts';
import { firstOfEachId, insertStatuses } from '../insert-statuses.ts';
import { MEMBER_PAGE } from '../member-facts-page.ts';
import { fromMemberRow, type MemberRow, toMemberRow } from '../member-row.ts';
import { changeDetail, rosterPlan } from '../roster-plan.ts';
import { sortTime } from '../sort-time.ts';
import { withTransaction } from '../with-transaction.ts';
import { postgresMemberFacts } from './postgres-member-facts.ts';
import { postgresOutsideRoster } from './postgres-outside-roster.ts';
import { postgresRateCounts } from './postgres-rate-counts.ts';

// Rosters and contact events on PostgreSQL: the same planners and page builder as SQLite
// (roster-plan.ts, member-facts-page.ts), so the two adapters cannot drift apart.

// A prompt outside the wave schedule is sent with no wave: it is the wave "once" (docs/denominators.md).
const MEMBER_COLUMNS = 'learner_hash, enrolled_at, completed_at, country, course_id, path_id, attrs';

/** Any constant: the advisory lock that serialises imports of one cohort across instances. */
const IMPORT_LOCK = 7_460_316;

const EVENT_TYPES: Record<(typeof CONTACT_EVENT_COLUMNS)[number], string> = {
  id: 'text',
  kind: 'text',
  survey_id: 'text',
  survey_version: 'int',
  at: 'text',
  at_sort: 'text',
  received_at: 'text',
  site_key: 'text',
  learner_hash: 'text',
  learner_ref_status: 'text',
  trigger: 'text',
  wave: 'text',
  cohort: 'text',
  course: 'text',
  path: 'text',
  answered: 'int',
  asked: 'int',
  reason: 'text',
  content_hash: 'text',
};

// One statement per batch: each column travels as one array parameter, as responses do.
const INSERT_EVENTS = `INSERT INTO contact_events (${CONTACT_EVENT_COLUMNS.join(', ')})
  SELECT * FROM unnest(${CONTACT_EVENT_COLUMNS.map((c, i) => `$${i + 1}::${EVENT_TYPES[c]}[]`).join(', ')})
  ON CONFLICT (id) DO NOTHING RETURNING id`;

/** The extra work eraseLearner and purgeSubmittedBefore do inside their own transaction. */
export async function eraseMemberData(client: pg.PoolClient, learnerHash: string): Promise<void> {
  await client.query('DELETE FROM cohort_members WHERE learner_hash = $1', [learnerHash]);
  await client.query('DELETE FROM contact_events WHERE learner_hash = $1', [learnerHash]);
  await client.query('DELETE FROM replaced_responses WHERE learner_hash = $1', [learnerHash]);
}

/** Contact events past retention, by `at` or by arrival when the device's clock ran ahead; returns how many. */
export async function purgeEvents(pool: pg.Pool, cutoffIso: string): Promise<number> {
  const cutoff = sortTime(cutoffIso, 'purge cutoff');
  const { rowCount } = await pool.query(
    'DELETE FROM contact_events WHERE at_sort < $1 COLLATE "C" OR received_at < $2 COLLATE "C"',
    [cutoff, `${cutoff.slice(0, 23)}Z`],
  );
  return rowCount ?? 0;
}

export function postgresDenominators(pool: pg.Pool): DenominatorStorage {
  return {
    async importRoster(cohortId, members, at) {
      return withTransaction(pool, async (client) => {
        // Two imports of one cohort at once: the second waits and plans against what the first stored.
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [IMPORT_LOCK, cohortId]);
        const stored = await client.query<MemberRow>(
          `SELECT ${MEMBER_COLUMNS} FROM cohort_members WHERE cohort_id = $1`,
          [cohortId],
        );
        const plan = rosterPlan(cohortId, stored.rows.map(fromMemberRow), members, at);
        const result = { cohortId, members: members.length, added: 0, removed: 0, changed: 0 };
        if (plan.change === null) return result;
        const c = plan.change;
        await client.query(
          `INSERT INTO cohorts (id, created_at, updated_at) VALUES ($1, $2, $2)
           ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at`,
          [cohortId, at],
        );
        if (plan.removed.length > 0)
          await client.query('DELETE FROM cohort_members WHERE cohort_id = $1 AND learner_hash = ANY($2::text[])', [
            cohortId,
            plan.removed,
          ]);
        const rows = plan.upserts.map(toMemberRow);
        for (let i = 0; i < rows.length; i += 5000) {
          const page = rows.slice(i, i + 5000);
          await client.query(
            `INSERT INTO cohort_members (cohort_id, ${MEMBER_COLUMNS})
             SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::json[])
             ON CONFLICT (cohort_id, learner_hash) DO UPDATE SET enrolled_at = excluded.enrolled_at,
               completed_at = excluded.completed_at, country = excluded.country, course_id = excluded.course_id,
               path_id = excluded.path_id, attrs = excluded.attrs`,
            [
              cohortId,
              page.map((r) => r.learner_hash),
              page.map((r) => r.enrolled_at),
              page.map((r) => r.completed_at),
              page.map((r) => r.country),
              page.map((r) => r.course_id),
              page.map((r) => r.path_id),
              page.map((r) => r.attrs),
            ],
          );
        }
        const change = await client.query<{ id: number }>(
          `INSERT INTO roster_changes (cohort_id, at, added, removed, changed, detail)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [cohortId, at, c.added.length, c.removed.length, c.changed.length, changeDetail(c)],
        );
        return {
          ...result,
          added: c.added.length,
          removed: c.removed.length,
          changed: c.changed.length,
          changeId: change.rows[0]?.id,
        };
      });
    },

    async cohorts() {
      const { rows } = await pool.query<{
        id: string;
        members: number;
        createdAt: string;
        updatedAt: string;
        imports: number;
      }>(
        `SELECT c.id, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
         (SELECT count(*)::int FROM cohort_members m WHERE m.cohort_id = c.id) AS members,
         (SELECT count(*)::int FROM roster_changes r WHERE r.cohort_id = c.id) AS imports
         FROM cohorts c ORDER BY c.id`,
      );
      return rows;
    },

    async insertContactEvents(records) {
      if (records.length === 0) return [];
      return withTransaction(pool, async (client) => {
        const unique = firstOfEachId(records);
        const rows = unique.map(toContactEventRow);
        const columns = CONTACT_EVENT_COLUMNS.map((c) => rows.map((r: ContactEventRow) => r[c]));
        const result = await client.query<{ id: string }>(INSERT_EVENTS, columns);
        const inserted = new Set(result.rows.map((r) => r.id));
        const hashes = new Map(unique.filter((r) => inserted.has(r.id)).map((r) => [r.id, r.contentHash]));
        const others = unique.filter((r) => !inserted.has(r.id)).map((r) => r.id);
        if (others.length > 0) {
          // READ COMMITTED: sees the row another instance just committed, whose insert ours waited for.
          const stored = await client.query<{ id: string; content_hash: string }>(
            'SELECT id, content_hash FROM contact_events WHERE id = ANY($1::text[])',
            [others],
          );
          for (const r of stored.rows) hashes.set(r.id, r.content_hash);
        }
        return insertStatuses(records, inserted, hashes);
      });
    },

    async *rosterMembers(cohortId: string): AsyncGenerator<StoredMember> {
      for (let after = ''; ; ) {
        const { rows } = await pool.query<MemberRow>(
          `SELECT ${MEMBER_COLUMNS} FROM cohort_members WHERE cohort_id = $1 AND learner_hash > $2 COLLATE "C"
           ORDER BY learner_hash COLLATE "C" LIMIT ${MEMBER_PAGE}`,
          [cohortId, after],
        );
        const members = rows.map(fromMemberRow);
        yield* members;
        if (members.length < MEMBER_PAGE) return;
        after = members[members.length - 1].learnerHash;
      }
    },

    // One query through a cursor (postgres-member-facts.ts), not keyset pages: see there why.
    memberFacts: (query: WaveQuery) => postgresMemberFacts(pool, query),

    // The disposition rules in SQL, so only counts leave the database (postgres-rate-counts.ts).
    rateCounts: (query) => postgresRateCounts(pool, query),

    outsideRoster: (query: WaveQuery) => postgresOutsideRoster(pool, query),

    async countContactEvents({ surveyId, kind, from, to }) {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM contact_events
         WHERE survey_id = $1 AND kind = $2 AND at_sort >= $3 COLLATE "C" AND at_sort < $4 COLLATE "C"`,
        [surveyId, kind, sortTime(from, 'count from'), sortTime(to, 'count to')],
      );
      return rows[0]?.n ?? 0;
    },
  };
}
