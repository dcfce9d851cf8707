import pg from 'pg';

/** What the denominators bench fills: one big cohort and a tenth of it as a second cohort, for the memory check. */
export type DenominatorFill = {
  surveyId: string;
  wave: string;
  members: number;
  events: number;
  /** Cohort ids: `big` holds every member, `small` the first tenth of them. */
  big: string;
  small: string;
};

export type FillStats = {
  seconds: number;
  /** Seconds per step, to see where a slow fill spent its time. */
  steps: Record<string, number>;
  responses: number;
  outsideRoster: number;
  optOuts: number;
};

// A member's keyed hash: any 32 hex digits serve, the read path only compares them.
const HASH = (i: string) => `md5('member-' || ${i})`;
// Event kinds by share (per cent), as a school's year might look: many invitations and displays, few completions.
const KINDS: [kind: string, share: number][] = [
  ['invited', 20],
  ['reminded', 10],
  ['shown', 30],
  ['dismissed', 10],
  ['started', 10],
  ['progress', 12],
  ['completed', 5],
  ['undeliverable', 3],
];

function kindCase(pick: string): string {
  let upTo = 0;
  const arms = KINDS.map(([kind, share]) => {
    upTo += share;
    return `WHEN ${pick} < ${upTo} THEN '${kind}'`;
  });
  return `CASE ${arms.join(' ')} END`;
}

/**
 * Fills a migrated, empty PostgreSQL database inside the server (generate_series, no rows through Node): the
 * cohorts, their members (a fiftieth without completed_at, a fortieth not yet due), `events` contact events spread
 * over the members by a hash (so some members have none, some a dozen), responses from three members in ten (one in
 * five of them partial), a thousand responses from learners on no roster, and opt-outs from one member in 97.
 * Indexes are dropped during the load and rebuilt from their own definitions, as pg_restore does.
 */
export async function fillDenominators(url: string, f: DenominatorFill): Promise<FillStats> {
  const t0 = performance.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const steps: Record<string, number> = {};
  let mark = t0;
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round(now - mark) / 1000;
    mark = now;
  };
  try {
    await client.query("SET maintenance_work_mem = '256MB'");
    const tables = ['cohort_members', 'contact_events', 'responses', 'opt_outs'];
    const indexes = await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
       WHERE schemaname = 'public' AND tablename = ANY($1) AND indexname NOT LIKE '%_pkey'`,
      [tables],
    );
    // The two big tables' primary keys too (no foreign key points at them), re-added after the load.
    const keys = await client.query<{ table: string; name: string; def: string }>(
      `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
       WHERE contype = 'p' AND conrelid = ANY(ARRAY['cohort_members'::regclass, 'contact_events'::regclass])`,
    );
    for (const ix of indexes.rows) await client.query(`DROP INDEX ${ix.name}`);
    for (const k of keys.rows) await client.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${k.name}`);
    const at = '2026-01-01T00:00:00.000Z';
    await client.query('INSERT INTO cohorts (id, created_at, updated_at) VALUES ($1, $3, $3), ($2, $3, $3)', [
      f.big,
      f.small,
      at,
    ]);
    const member = (cohort: string, count: number) =>
      client.query(
        `INSERT INTO cohort_members (cohort_id, learner_hash, enrolled_at, completed_at, country, course_id, path_id, attrs)
         SELECT $1, ${HASH('i')}, '2025-01-15',
           CASE WHEN i % 50 = 0 THEN NULL WHEN i % 40 = 0 THEN '2099-01-01'
                ELSE to_char(date '2025-03-01' + (i % 200), 'YYYY-MM-DD') END,
           (ARRAY['FR','DE','ES','IT','PT'])[1 + i % 5], 'course-' || (i % 20), NULL,
           json_build_object('funding', (ARRAY['public','employer','self'])[1 + i % 3])
         FROM generate_series(1, $2::int) AS i`,
        [cohort, count],
      );
    await member(f.big, f.members);
    await member(f.small, Math.round(f.members / 10));
    step('members');
    const pick = 'abs(hashint4(e + 7)) % 100';
    await client.query(
      `INSERT INTO contact_events (id, kind, survey_id, survey_version, at, at_sort, received_at, site_key,
         learner_hash, learner_ref_status, trigger, wave, cohort, course, path, answered, asked, reason, content_hash)
       SELECT 'ev-' || e, k.kind, $1, 1, t.at, t.at_sort, t.at, 'bench-site-key',
         ${HASH('(1 + abs(hashint4(e)) % $3::int)')}, 'verified', 'waves', $2, NULL, NULL, NULL,
         CASE WHEN k.kind = 'progress' THEN 1 + e % 9 END, CASE WHEN k.kind = 'progress' THEN 10 END,
         CASE WHEN k.kind = 'dismissed' THEN (ARRAY['not_now','never','closed','not_now','closed'])[1 + e % 5] END,
         md5('ev-' || e)
       FROM generate_series(1, $4::int) AS e,
         LATERAL (SELECT ${kindCase(pick)} AS kind) k,
         LATERAL (SELECT to_char(timestamp '2025-06-01' + e * interval '5 second', 'YYYY-MM-DD"T"HH24:MI:SS') AS s) s,
         LATERAL (SELECT s.s || '.000Z' AS at, s.s || '.000000000Z' AS at_sort) t`,
      [f.surveyId, f.wave, f.members, f.events],
    );
    step('events');
    const response = (from: string, where: string, hash: string) =>
      client.query(
        `INSERT INTO responses (id, survey_id, survey_version, submitted_at, submitted_sent, received_at, locale, country,
           consent_sensitive, consent_version, learner_hash, context, answers, flags, content_hash, site_key,
           learner_ref_status, status, answered)
         SELECT 'resp-' || $3::text || i, $1, 1, t.s || '.000000000Z', t.s || 'Z', t.s || '.000Z', 'fr', 'FR', false, 'v1',
           ${hash}, json_build_object('wave', $2::text), '{"employment":"employed"}', '{}', md5('resp-' || i), 'bench-site-key',
           'verified', CASE WHEN i % 5 = 0 THEN 'partial' ELSE 'complete' END, CASE WHEN i % 5 = 0 THEN i % 8 ELSE 8 END
         FROM ${from},
           LATERAL (SELECT to_char(timestamp '2025-07-01' + i * interval '7 second', 'YYYY-MM-DD"T"HH24:MI:SS') AS s) t
         WHERE ${where}`,
        [f.surveyId, f.wave, hash === 'NULL' ? 'out-' : ''],
      );
    const answered = await response(`generate_series(1, ${f.members}) AS i`, 'i % 10 < 3', HASH('i'));
    const outside = await response('generate_series(1, 1000) AS i', 'true', 'NULL');
    const optOuts = await client.query(
      `INSERT INTO opt_outs (learner_hash, survey_id, at)
       SELECT ${HASH('i')}, $1, '2025-09-01T00:00:00.000Z' FROM generate_series(97, $2::int, 97) AS i`,
      [f.surveyId, f.members],
    );
    step('responses and opt-outs');
    for (const k of keys.rows) await client.query(`ALTER TABLE ${k.table} ADD CONSTRAINT ${k.name} ${k.def}`);
    for (const ix of indexes.rows) await client.query(ix.def);
    step('indexes');
    for (const t of tables) await client.query(`ANALYZE ${t}`);
    step('analyze');
    return {
      seconds: (performance.now() - t0) / 1000,
      steps,
      responses: answered.rowCount ?? 0,
      outsideRoster: outside.rowCount ?? 0,
      optOuts: optOuts.rowCount ?? 0,
    };
  } finally {
    await client.end();
  }
}
