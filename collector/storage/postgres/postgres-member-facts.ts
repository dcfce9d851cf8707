import type pg from 'pg';
import type { MemberEventRow } from '../contact-event-row.ts';
import type { MemberFacts, WaveQuery } from '../denominator-storage.ts';
import { type FactResponseRow, MEMBER_PAGE, memberFactsPage } from '../member-facts-page.ts';
import { fromMemberRow, type MemberRow } from '../member-row.ts';

// One query for the whole cohort, read through a cursor (issue 20). Pages of members with `= ANY(hashes)` lookups
// read a member's events one heap page each, in hash order, which is random order on disk: at a million members
// and five million events they took over 300 s where a GROUP BY over the same tables took 100 s (bench/profiles/
// denominators.md). Here the database scans each table once, aggregates every member's events and responses
// into one JSON array, and joins; Node still builds the facts with memberFactsPage, so the rules stay in one place.
const FACTS = `
  SELECT m.learner_hash, m.enrolled_at, m.completed_at, m.country, m.course_id, m.path_id, m.attrs,
    ev.events, rs.responses, o.learner_hash IS NOT NULL AS opted_out
  FROM cohort_members m
  LEFT JOIN (
    SELECT learner_hash, json_agg(json_build_array(id, kind, at, answered, asked, reason)) AS events
    FROM contact_events
    WHERE survey_id = $2 AND (wave = $3 OR (wave IS NULL AND $3 = 'once'))
      AND learner_hash IN (SELECT learner_hash FROM cohort_members WHERE cohort_id = $1)
    GROUP BY learner_hash
  ) ev ON ev.learner_hash = m.learner_hash
  LEFT JOIN (
    SELECT learner_hash, json_agg(json_build_array(id, status, answered, submitted_at)) AS responses
    FROM responses
    WHERE survey_id = $2 AND (context->>'wave' = $3 OR (context->>'wave' IS NULL AND $3 = 'once'))
      AND learner_hash IN (SELECT learner_hash FROM cohort_members WHERE cohort_id = $1)
    GROUP BY learner_hash
  ) rs ON rs.learner_hash = m.learner_hash
  LEFT JOIN opt_outs o ON o.survey_id = $2 AND o.learner_hash = m.learner_hash
  WHERE m.cohort_id = $1
  ORDER BY m.learner_hash`;

type FactRow = MemberRow & {
  events: [string, string, string, number | null, number | null, string | null][] | null;
  responses: [string, FactResponseRow['status'], number | null, string][] | null;
  opted_out: boolean;
};

/**
 * MemberFacts for the query, ordered by learner hash, in pages of MEMBER_PAGE fetched from a cursor: memory holds one
 * page. The cursor lives in a read-only transaction on one pooled connection until the last page is read or the
 * reader stops (a closed download ends the generator, which closes the transaction).
 */
export async function* postgresMemberFacts(pool: pg.Pool, query: WaveQuery): AsyncGenerator<MemberFacts> {
  const client = await pool.connect();
  let broken: Error | undefined;
  let open = true;
  try {
    await client.query('BEGIN READ ONLY');
    // Every row of the cohort will be read: plan for the whole result, not the first rows, and read each table
    // once in sequence. An index scan in learner_hash order fetches heap pages in random order, one per event: the
    // planner, counting on a cache, chose it and took half again as long (bench/profiles/denominators.md). Sorts
    // and hashes get the memory to stay off disk. SET LOCAL: all of it ends with this transaction.
    await client.query(`SET LOCAL cursor_tuple_fraction = 1; SET LOCAL enable_indexscan = off;
      SET LOCAL enable_indexonlyscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL work_mem = '64MB'`);
    await client.query(`DECLARE member_facts NO SCROLL CURSOR FOR ${FACTS}`, [
      query.cohortId,
      query.surveyId,
      query.wave,
    ]);
    for (;;) {
      const { rows } = await client.query<FactRow>(`FETCH ${MEMBER_PAGE} FROM member_facts`);
      if (rows.length === 0) break;
      yield* factsOf(rows);
      if (rows.length < MEMBER_PAGE) break;
    }
    await client.query('COMMIT');
    open = false;
  } finally {
    // Also reached when the reader stops early: ROLLBACK closes the cursor; a connection that fails it is dropped.
    if (open) await client.query('ROLLBACK').catch((e: unknown) => (broken ??= e as Error));
    client.release(broken);
  }
}

function factsOf(rows: readonly FactRow[]): MemberFacts[] {
  const events: (MemberEventRow & { id: string })[] = [];
  const responses: FactResponseRow[] = [];
  const optedOut = new Set<string>();
  for (const r of rows) {
    for (const [id, kind, at, answered, asked, reason] of r.events ?? [])
      events.push({ learner_hash: r.learner_hash, id, kind, at, answered, asked, reason });
    for (const [id, status, answered, submitted_at] of r.responses ?? [])
      responses.push({ learner_hash: r.learner_hash, id, status, answered, submitted_at });
    if (r.opted_out) optedOut.add(r.learner_hash);
  }
  return memberFactsPage(rows.map(fromMemberRow), events, responses, optedOut);
}
