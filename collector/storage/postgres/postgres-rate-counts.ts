import type pg from 'pg';
import type { DispositionCode } from '../../denominators/disposition.ts';
import type { RateCount, RateCountQuery } from '../denominator-storage.ts';
import { sequentialRead } from './sequential-read.ts';

// GET /v1/response-rates on PostgreSQL (issue 20): the disposition rules of collector/denominators/disposition.ts
// (classify, returnedUndelivered), the kept response of member-facts-page.ts and the funnel steps of rate-tally.ts
// (memberSteps), written once more as one statement, so the database sends counts, not a million members' facts.
// Streaming the facts into Node took 7–9× a hand-written GROUP BY (bench/profiles/denominators.md). Each rule keeps
// its place in the CASE; tests/collector/storage/postgres/postgres-rate-counts.test.ts holds every branch to the
// JavaScript rules member by member.

const GROUP_COLUMNS: Readonly<Record<string, string>> = {
  country: 'm.country',
  course_id: 'm.course_id',
  path_id: 'm.path_id',
};

/** The statement and its parameters for one query; `by` must already be checked (rate-query.ts). */
export function rateCountsSql(q: RateCountQuery): { text: string; values: unknown[] } {
  const values: unknown[] = [q.cohortId, q.surveyId, q.wave, q.partialThreshold];
  const param = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  const group =
    q.by === undefined ? 'NULL::text' : (GROUP_COLUMNS[q.by] ?? `m.attrs->>${param(q.by.slice('attr_'.length))}::text`);
  // isWaveDue: completed_at (a checked YYYY-MM-DD) at midnight UTC plus the wave's months, clamped to the month's
  // last day as addMonths does (PostgreSQL's date + interval clamps the same way), on or before the moment asked.
  const due =
    typeof q.due === 'boolean'
      ? String(q.due)
      : `CASE WHEN coalesce(m.completed_at, '') = '' THEN NULL
          ELSE m.completed_at::date + make_interval(months => ${param(q.due)}::int)
            <= (${param(q.at.toISOString())}::timestamptz AT TIME ZONE 'UTC') END`;
  const text = `
    WITH members AS NOT MATERIALIZED (
      SELECT m.learner_hash, ${due} AS due, ${group} AS value FROM cohort_members m WHERE m.cohort_id = $1
    ), ev AS (
      -- Instants compared to the millisecond, as Date.parse compares them: the first 23 characters of at_sort
      -- (fixed width, compared byte by byte) order as the instants do. The latest progress event's "asked" is the
      -- tail of the greatest (instant, id, asked) key, chr(1) ending the id: plain max() lets PostgreSQL hash the
      -- groups, where array_agg(… ORDER BY …) needs the five million events sorted.
      SELECT learner_hash,
        bool_or(kind = 'dismissed' AND reason = 'never') AS never,
        bool_or(kind = 'completed') AS completed,
        bool_or(kind IN ('started', 'progress')) AS started,
        bool_or(kind IN ('shown', 'dismissed')) AS shown,
        max(left(at_sort, 23) COLLATE "C") FILTER (WHERE kind = 'undeliverable') AS refused,
        max(left(at_sort, 23) COLLATE "C") FILTER (WHERE kind IN ('shown', 'started', 'progress', 'completed'))
          AS reached,
        max(coalesce(answered, 0)) FILTER (WHERE kind = 'progress') AS progress_answered,
        split_part(max((left(at_sort, 23) || id || chr(1) || asked) COLLATE "C")
          FILTER (WHERE kind = 'progress' AND asked IS NOT NULL), chr(1), 2)::int AS last_asked
      FROM contact_events
      WHERE survey_id = $2 AND (wave = $3 OR (wave IS NULL AND $3 = 'once'))
        AND learner_hash IN (SELECT learner_hash FROM members)
      GROUP BY learner_hash
    ), kept AS (
      -- The revision rule's response: the earliest complete, else the earliest partial.
      SELECT DISTINCT ON (learner_hash) learner_hash, status, coalesce(answered, 0) AS answered
      FROM responses
      WHERE survey_id = $2 AND (context->>'wave' = $3 OR (context->>'wave' IS NULL AND $3 = 'once'))
        AND learner_hash IN (SELECT learner_hash FROM members)
      ORDER BY learner_hash, status = 'partial', submitted_at, id
    ), facts AS (
      SELECT m.value, m.due, o.learner_hash IS NOT NULL AS opted_out,
        r.learner_hash IS NOT NULL AS responded, coalesce(r.status = 'complete', false) AS complete,
        coalesce(r.answered, 0) AS answered, coalesce(e.last_asked, r.answered) AS asked,
        coalesce(e.never, false) AS never, coalesce(e.completed, false) AS completed_event,
        coalesce(e.started, false) AS started_event, coalesce(e.shown, false) AS shown_event,
        e.refused, e.reached, coalesce(e.progress_answered, 0) AS progress_answered
      FROM members m
      LEFT JOIN ev e ON e.learner_hash = m.learner_hash
      LEFT JOIN kept r ON r.learner_hash = m.learner_hash
      LEFT JOIN opt_outs o ON o.survey_id = $2 AND o.learner_hash = m.learner_hash
    ), coded AS (
      SELECT value,
        CASE
          WHEN complete THEN '1.1'
          WHEN responded AND asked > 0 AND answered::float8 / asked >= $4::float8 THEN '1.2'
          WHEN due = false THEN '4.10'
          WHEN due IS NULL THEN '3.90'
          WHEN opted_out THEN '2.11'
          WHEN never THEN '2.11'
          WHEN NOT responded AND refused IS NOT NULL AND (reached IS NULL OR reached < refused) THEN '3.30'
          WHEN completed_event THEN '3.90'
          WHEN responded OR started_event THEN '2.12'
          WHEN shown_event THEN '2.11'
          ELSE '2.20'
        END AS code,
        complete OR completed_event AS completed,
        responded OR started_event OR complete OR completed_event AS started,
        shown_event OR responded OR started_event OR complete OR completed_event AS shown,
        greatest(answered, progress_answered) AS furthest
      FROM facts
    )
    SELECT value, code, shown, started, completed, furthest, count(*)::int AS members
    FROM coded GROUP BY value, code, shown, started, completed, furthest`;
  return { text, values };
}

type CountRow = Omit<RateCount, 'code'> & { code: DispositionCode };

/** The counts of one query, read like memberFacts: each table once, in sequence (sequential-read.ts). */
export function postgresRateCounts(pool: pg.Pool, q: RateCountQuery): Promise<RateCount[]> {
  return sequentialRead(pool, async (client) => (await client.query<CountRow>(rateCountsSql(q))).rows);
}
