import type { Migration } from '../migration.ts';

// Ids and sort keys use the "C" collation so that PostgreSQL orders them byte by byte,
// exactly like SQLite does: the export order must not depend on the server's locale.
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'responses, sensitive answers, opt-outs',
    sql: `
      CREATE TABLE responses (
        id text COLLATE "C" PRIMARY KEY,
        survey_id text COLLATE "C" NOT NULL,
        survey_version integer NOT NULL,
        submitted_at text COLLATE "C" NOT NULL, -- sortable form (sort-time.ts)
        submitted_sent text NOT NULL, -- as the client sent it
        received_at text NOT NULL,
        locale text NOT NULL,
        country text,
        consent_sensitive boolean NOT NULL,
        consent_version text NOT NULL,
        learner_hash text COLLATE "C", -- keyed hash only, never the raw learnerRef
        context json,
        answers json NOT NULL,
        flags json NOT NULL, -- non-sensitive derived flags, each with its rule version
        content_hash text NOT NULL,
        site_key text NOT NULL
      );
      CREATE INDEX responses_export ON responses (submitted_at, id);
      CREATE INDEX responses_survey ON responses (survey_id, survey_version, submitted_at, id);
      CREATE INDEX responses_learner ON responses (learner_hash, survey_id) WHERE learner_hash IS NOT NULL;
      CREATE TABLE sensitive_answers (
        response_id text COLLATE "C" PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
        answers json NOT NULL,
        flags json NOT NULL -- sensitive derived flags, each with its rule version
      );
      CREATE TABLE opt_outs (
        learner_hash text COLLATE "C" NOT NULL,
        survey_id text COLLATE "C" NOT NULL,
        at text NOT NULL,
        PRIMARY KEY (learner_hash, survey_id)
      );
    `,
  },
  {
    version: 2,
    name: 'consent groups; index for the retention purge',
    sql: `
      ALTER TABLE responses ADD COLUMN consent_groups json; -- NULL when the response had none
      -- "C" like the other sort keys, so the purge compares timestamps byte by byte and can use the index.
      CREATE INDEX responses_received ON responses (received_at COLLATE "C");
    `,
  },
  {
    version: 3,
    name: 'rejections counted per day, site key and reason',
    sql: `
      -- Counts only: no id, answer or message of a rejected item is ever kept.
      CREATE TABLE rejections_daily (
        day date NOT NULL, -- UTC, by the collector's clock
        site_key text COLLATE "C" NOT NULL,
        reason_code text COLLATE "C" NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (day, site_key, reason_code)
      );
    `,
  },
  {
    version: 4,
    name: 'whether the learnerRef of each response was signed',
    sql: `
      -- verified | unchecked (site key without learnerSecret) | unverified (ref dropped); NULL: no ref sent.
      ALTER TABLE responses ADD COLUMN learner_ref_status text;
      -- Every ref stored before signatures existed was taken on trust.
      UPDATE responses SET learner_ref_status = 'unchecked' WHERE learner_hash IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'denominators: cohorts, roster members and changes, contact events, response status',
    sql: `
      CREATE TABLE cohorts (
        id text COLLATE "C" PRIMARY KEY,
        created_at text NOT NULL,
        updated_at text NOT NULL
      );
      CREATE TABLE cohort_members (
        cohort_id text COLLATE "C" NOT NULL REFERENCES cohorts (id),
        learner_hash text COLLATE "C" NOT NULL, -- keyed hash only, never the raw learner_ref
        enrolled_at text,
        completed_at text,
        country text,
        course_id text,
        path_id text,
        attrs json NOT NULL, -- the attr_<name> columns, by name without the prefix
        PRIMARY KEY (cohort_id, learner_hash)
      );
      CREATE INDEX cohort_members_learner ON cohort_members (learner_hash);
      -- One dated record per import that changed something (collector/denominators/roster-diff.ts).
      CREATE TABLE roster_changes (
        id serial PRIMARY KEY,
        cohort_id text COLLATE "C" NOT NULL,
        at text NOT NULL,
        added integer NOT NULL,
        removed integer NOT NULL,
        changed integer NOT NULL,
        detail json NOT NULL -- added, removed, changed (column, from, to) by hashed ref
      );
      CREATE TABLE contact_events (
        id text COLLATE "C" PRIMARY KEY,
        kind text NOT NULL,
        survey_id text COLLATE "C" NOT NULL,
        survey_version integer NOT NULL,
        at text NOT NULL, -- as the device sent it
        at_sort text COLLATE "C" NOT NULL, -- sortable form (sort-time.ts), what retention compares
        received_at text COLLATE "C" NOT NULL,
        site_key text NOT NULL,
        learner_hash text COLLATE "C", -- keyed hash only
        learner_ref_status text,
        trigger text,
        wave text COLLATE "C",
        cohort text COLLATE "C",
        course text,
        path text,
        answered integer,
        asked integer,
        reason text,
        content_hash text NOT NULL
      );
      CREATE INDEX contact_events_member ON contact_events (learner_hash, survey_id, wave) WHERE learner_hash IS NOT NULL;
      CREATE INDEX contact_events_at ON contact_events (at_sort);
      CREATE INDEX contact_events_received ON contact_events (received_at);
      ALTER TABLE responses ADD COLUMN status text NOT NULL DEFAULT 'complete'; -- partial | complete
      ALTER TABLE responses ADD COLUMN answered integer; -- questions answered, for the revision rule
      CREATE INDEX responses_revision ON responses (learner_hash, survey_id, (context->>'wave'))
        WHERE learner_hash IS NOT NULL;
      -- Ids of partials a later record replaced: a late resend of one is acked duplicate and changes nothing.
      CREATE TABLE replaced_responses (
        id text COLLATE "C" PRIMARY KEY,
        kept_id text NOT NULL,
        learner_hash text COLLATE "C"
      );
    `,
  },
];
