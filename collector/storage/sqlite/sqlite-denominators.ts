import type Database from 'better-sqlite3';
import { CONTACT_EVENT_COLUMNS, type MemberEventRow, toContactEventRow } from '../contact-event-row.ts';
import type { DenominatorStorage, MemberFacts, StoredMember, WaveQuery } from '../denominator-storage.ts';
import { firstOfEachId, insertStatuses } from '../insert-statuses.ts';
import { type FactResponseRow, MEMBER_PAGE, memberFactsPage } from '../member-facts-page.ts';
import { fromMemberRow, type MemberRow, toMemberRow } from '../member-row.ts';
import { changeDetail, rosterPlan } from '../roster-plan.ts';
import { sortTime } from '../sort-time.ts';

type Extra = {
  /** Roster memberships and contact events of one learner, erased with the responses. */
  eraseLearner(learnerHash: string): void;
  /** Contact events past retention; returns how many went. */
  purgeEvents(cutoffIso: string): number;
};

// A prompt outside the wave schedule is sent with no wave: it is the wave "once" (docs/denominators.md).
const IN_HASHES = 'learner_hash IN (SELECT value FROM json_each(@hashes))';

/** Rosters and contact events on SQLite; prepared once the tables exist (after migrate). */
export function sqliteDenominators(db: Database.Database): DenominatorStorage & Extra {
  const membersOf = db.prepare<[string], MemberRow>(
    'SELECT learner_hash, enrolled_at, completed_at, country, course_id, path_id, attrs FROM cohort_members WHERE cohort_id = ?',
  );
  const upsertMember = db.prepare(`INSERT INTO cohort_members (cohort_id, learner_hash, enrolled_at, completed_at,
    country, course_id, path_id, attrs) VALUES (@cohort_id, @learner_hash, @enrolled_at, @completed_at, @country,
    @course_id, @path_id, @attrs) ON CONFLICT (cohort_id, learner_hash) DO UPDATE SET enrolled_at = excluded.enrolled_at,
    completed_at = excluded.completed_at, country = excluded.country, course_id = excluded.course_id,
    path_id = excluded.path_id, attrs = excluded.attrs`);
  const removeMember = db.prepare('DELETE FROM cohort_members WHERE cohort_id = ? AND learner_hash = ?');
  const touchCohort = db.prepare(`INSERT INTO cohorts (id, created_at, updated_at) VALUES (@id, @at, @at)
    ON CONFLICT (id) DO UPDATE SET updated_at = excluded.updated_at`);
  const recordChange = db.prepare<unknown[], { id: number }>(`INSERT INTO roster_changes (cohort_id, at, added,
    removed, changed, detail) VALUES (?, ?, ?, ?, ?, ?) RETURNING id`);
  const insertEvent = db.prepare(
    `INSERT INTO contact_events (${CONTACT_EVENT_COLUMNS.join(', ')}) VALUES (${CONTACT_EVENT_COLUMNS.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (id) DO NOTHING`,
  );
  const eventHash = db.prepare<[string], { content_hash: string }>(
    'SELECT content_hash FROM contact_events WHERE id = ?',
  );
  const memberPage = db.prepare<[string, string], MemberRow>(
    `SELECT learner_hash, enrolled_at, completed_at, country, course_id, path_id, attrs FROM cohort_members
     WHERE cohort_id = ? AND learner_hash > ? ORDER BY learner_hash LIMIT ${MEMBER_PAGE}`,
  );
  const pageEvents = db.prepare<unknown[], MemberEventRow & { id: string }>(
    `SELECT id, learner_hash, kind, at, answered, asked, reason FROM contact_events
     WHERE survey_id = @survey AND coalesce(wave, 'once') = @wave AND ${IN_HASHES}`,
  );
  const pageResponses = db.prepare<unknown[], FactResponseRow>(
    `SELECT learner_hash, id, status, answered, submitted_at FROM responses
     WHERE survey_id = @survey AND coalesce(json_extract(context, '$.wave'), 'once') = @wave AND ${IN_HASHES}`,
  );
  const pageOptOuts = db
    .prepare<unknown[], string>(`SELECT learner_hash FROM opt_outs WHERE survey_id = @survey AND ${IN_HASHES}`)
    .pluck();

  const importAll = db.transaction((cohortId: string, members: readonly StoredMember[], at: string) => {
    const plan = rosterPlan(cohortId, membersOf.all(cohortId).map(fromMemberRow), members, at);
    const result = { cohortId, members: members.length, added: 0, removed: 0, changed: 0 };
    if (plan.change === null) return result;
    const c = plan.change;
    touchCohort.run({ id: cohortId, at });
    for (const hash of plan.removed) removeMember.run(cohortId, hash);
    for (const m of plan.upserts) upsertMember.run({ cohort_id: cohortId, ...toMemberRow(m) });
    const row = recordChange.get(cohortId, at, c.added.length, c.removed.length, c.changed.length, changeDetail(c));
    return {
      ...result,
      added: c.added.length,
      removed: c.removed.length,
      changed: c.changed.length,
      changeId: row?.id,
    };
  });

  return {
    async importRoster(cohortId, members, at) {
      return importAll.immediate(cohortId, members, at);
    },

    async cohorts() {
      return db
        .prepare<[], { id: string; members: number; createdAt: string; updatedAt: string; imports: number }>(
          `SELECT c.id, c.created_at AS createdAt, c.updated_at AS updatedAt,
           (SELECT count(*) FROM cohort_members m WHERE m.cohort_id = c.id) AS members,
           (SELECT count(*) FROM roster_changes r WHERE r.cohort_id = c.id) AS imports
           FROM cohorts c ORDER BY c.id`,
        )
        .all();
    },

    async insertContactEvents(records) {
      return db
        .transaction(() => {
          const inserted = new Set<string>();
          const hashes = new Map<string, string>();
          for (const e of firstOfEachId(records)) {
            if (insertEvent.run(toContactEventRow(e)).changes === 1) {
              inserted.add(e.id);
              hashes.set(e.id, e.contentHash);
            } else hashes.set(e.id, eventHash.get(e.id)?.content_hash ?? '');
          }
          return insertStatuses(records, inserted, hashes);
        })
        .immediate();
    },

    async *rosterMembers(cohortId: string): AsyncGenerator<StoredMember> {
      for (let after = ''; ; ) {
        const members = memberPage.all(cohortId, after).map(fromMemberRow);
        yield* members;
        if (members.length < MEMBER_PAGE) return;
        after = members[members.length - 1].learnerHash;
      }
    },

    // Keyset pages by learner_hash, like responses(): no open iterator holds the one connection between pages.
    async *memberFacts(query: WaveQuery): AsyncGenerator<MemberFacts> {
      let after = '';
      for (;;) {
        const members = memberPage.all(query.cohortId, after).map(fromMemberRow);
        if (members.length === 0) return;
        const params = {
          survey: query.surveyId,
          wave: query.wave,
          hashes: JSON.stringify(members.map((m) => m.learnerHash)),
        };
        yield* memberFactsPage(
          members,
          pageEvents.all(params),
          pageResponses.all(params),
          new Set(pageOptOuts.all(params)),
        );
        if (members.length < MEMBER_PAGE) return;
        after = members[members.length - 1].learnerHash;
      }
    },

    async outsideRoster({ surveyId, cohortId, wave }) {
      const row = db
        .prepare<unknown[], { n: number }>(
          `SELECT count(*) AS n FROM responses r
           WHERE r.survey_id = @survey AND coalesce(json_extract(r.context, '$.wave'), 'once') = @wave AND (
             (json_extract(r.context, '$.cohort') = @cohort AND (r.learner_hash IS NULL OR NOT EXISTS
               (SELECT 1 FROM cohort_members m WHERE m.cohort_id = @cohort AND m.learner_hash = r.learner_hash)))
             OR (json_extract(r.context, '$.cohort') IS NULL AND (r.learner_hash IS NULL OR NOT EXISTS
               (SELECT 1 FROM cohort_members m WHERE m.learner_hash = r.learner_hash))))`,
        )
        .get({ survey: surveyId, wave, cohort: cohortId });
      return row?.n ?? 0;
    },

    async countContactEvents({ surveyId, kind, from, to }) {
      const row = db
        .prepare<unknown[], { n: number }>(
          'SELECT count(*) AS n FROM contact_events WHERE survey_id = ? AND kind = ? AND at_sort >= ? AND at_sort < ?',
        )
        .get(surveyId, kind, sortTime(from, 'count from'), sortTime(to, 'count to'));
      return row?.n ?? 0;
    },

    eraseLearner(learnerHash) {
      db.prepare('DELETE FROM cohort_members WHERE learner_hash = ?').run(learnerHash);
      db.prepare('DELETE FROM contact_events WHERE learner_hash = ?').run(learnerHash);
      db.prepare('DELETE FROM replaced_responses WHERE learner_hash = ?').run(learnerHash);
    },

    purgeEvents(cutoffIso) {
      const cutoff = sortTime(cutoffIso, 'purge cutoff');
      return db
        .prepare('DELETE FROM contact_events WHERE at_sort < ? OR received_at < ?')
        .run(cutoff, `${cutoff.slice(0, 23)}Z`).changes;
    },
  };
}
