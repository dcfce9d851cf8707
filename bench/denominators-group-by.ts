import pg from 'pg';

/** The figures the bench holds ours to: exact counts (MIN_CELL=1, ROUND_TO=1 on the collector). */
export type CohortFigures = {
  population: number;
  dispositions: Record<string, number>;
  shown: number;
  started: number;
  completed: number;
};

export type FigureQuery = {
  surveyId: string;
  cohortId: string;
  /** A wave of months after completion (m0, m6, …); the bench asks m0. */
  wave: string;
  at: Date;
  partialThreshold: number;
};

/**
 * One member's disposition for the query, written by hand from collector/denominators/disposition.ts (the rules in
 * the same order), over the same tables: the events aggregated per member, the response the revision rule keeps
 * (earliest complete, else earliest partial), opt-outs. The wave is matched with coalesce(): written as
 * `wave = $3`, the planner's better estimate picks an index scan in hash order (EXPLAIN) and the query took 344 s
 * where this one took about 100 (bench/profiles/denominators.md). $1 survey, $2 cohort, $3 wave, $4 months of the wave,
 * $5 the moment computed for, $6 partial threshold.
 */
export const MEMBER_DISPOSITION_SQL = `
  WITH ev AS (
    SELECT e.learner_hash,
      bool_or(e.kind = 'dismissed' AND e.reason = 'never') AS never,
      bool_or(e.kind = 'completed') AS completed,
      bool_or(e.kind IN ('started', 'progress')) AS started,
      bool_or(e.kind IN ('shown', 'dismissed')) AS shown,
      max(e.at_sort) FILTER (WHERE e.kind = 'undeliverable') AS refused,
      max(e.at_sort) FILTER (WHERE e.kind IN ('shown', 'started', 'progress', 'completed')) AS reached,
      (array_agg(e.asked ORDER BY e.at_sort DESC, e.id DESC)
        FILTER (WHERE e.kind = 'progress' AND e.asked IS NOT NULL))[1] AS last_asked
    FROM contact_events e JOIN cohort_members m ON m.cohort_id = $2 AND m.learner_hash = e.learner_hash
    WHERE e.survey_id = $1 AND coalesce(e.wave, 'once') = $3
    GROUP BY e.learner_hash
  ), r AS (
    SELECT DISTINCT ON (learner_hash) learner_hash, status, coalesce(answered, 0) AS answered
    FROM responses WHERE survey_id = $1 AND coalesce(context->>'wave', 'once') = $3 AND learner_hash IS NOT NULL
    ORDER BY learner_hash, status = 'partial', submitted_at, id
  ), f AS (
    SELECT m.learner_hash, ev.*, r.status, r.answered,
      CASE WHEN m.completed_at IS NULL THEN NULL
           ELSE (m.completed_at::date + make_interval(months => $4)) <= ($5::timestamptz AT TIME ZONE 'UTC') END AS due,
      o.learner_hash IS NOT NULL AS opted_out
    FROM cohort_members m
    LEFT JOIN ev ON ev.learner_hash = m.learner_hash
    LEFT JOIN r ON r.learner_hash = m.learner_hash
    LEFT JOIN opt_outs o ON o.survey_id = $1 AND o.learner_hash = m.learner_hash
    WHERE m.cohort_id = $2
  )
  SELECT f.*,
    CASE
      WHEN f.status = 'complete' THEN '1.1'
      WHEN f.status IS NOT NULL AND coalesce(f.last_asked, f.answered) > 0
        AND f.answered::float8 / coalesce(f.last_asked, f.answered) >= $6 THEN '1.2'
      WHEN f.due = false THEN '4.10'
      WHEN f.due IS NULL THEN '3.90'
      WHEN f.opted_out OR coalesce(f.never, false) THEN '2.11'
      WHEN f.status IS NULL AND f.refused IS NOT NULL AND (f.reached IS NULL OR f.reached < f.refused) THEN '3.30'
      WHEN coalesce(f.completed, false) THEN '3.90'
      WHEN f.status IS NOT NULL OR coalesce(f.started, false) THEN '2.12'
      WHEN coalesce(f.shown, false) THEN '2.11'
      ELSE '2.20'
    END AS code
  FROM f`;

/** The GROUP BY a researcher would write over the per-member dispositions: counts per code and the funnel's steps. */
export const GROUP_BY_SQL = `
  WITH d AS (${MEMBER_DISPOSITION_SQL}),
  s AS (
    SELECT code,
      code = '1.1' OR coalesce(completed, false) AS c,
      code = '1.1' OR coalesce(completed, false) OR status IS NOT NULL OR coalesce(started, false) AS st,
      code = '1.1' OR coalesce(completed, false) OR status IS NOT NULL OR coalesce(started, false)
        OR coalesce(shown, false) AS sh
    FROM d
  )
  SELECT code, count(*)::int AS n, count(*) FILTER (WHERE sh)::int AS shown,
    count(*) FILTER (WHERE st)::int AS started, count(*) FILTER (WHERE c)::int AS completed
  FROM s GROUP BY code`;

const params = (q: FigureQuery) => [
  q.surveyId,
  q.cohortId,
  q.wave,
  q.wave === 'once' ? 0 : Number(q.wave.slice(1)),
  q.at.toISOString(),
  q.partialThreshold,
];

/** Runs GROUP_BY_SQL on its own connection and returns the figures with the seconds the query took. */
export async function groupByFigures(
  url: string,
  q: FigureQuery,
): Promise<{ seconds: number; figures: CohortFigures }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = performance.now();
    const { rows } = await client.query<{ code: string; n: number; shown: number; started: number; completed: number }>(
      GROUP_BY_SQL,
      params(q),
    );
    const seconds = (performance.now() - t0) / 1000;
    const figures: CohortFigures = { population: 0, dispositions: {}, shown: 0, started: 0, completed: 0 };
    for (const r of rows) {
      figures.population += r.n;
      figures.dispositions[r.code] = r.n;
      figures.shown += r.shown;
      figures.started += r.started;
      figures.completed += r.completed;
    }
    return { seconds, figures };
  } finally {
    await client.end();
  }
}

/** The per-member query's parameters, for a caller that streams MEMBER_DISPOSITION_SQL itself (psql's COPY). */
export function memberDispositionParams(q: FigureQuery): unknown[] {
  return params(q);
}
