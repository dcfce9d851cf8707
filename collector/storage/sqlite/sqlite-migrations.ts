import type { Migration } from '../migration.ts';

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'responses, sensitive answers, opt-outs',
    sql: `
      CREATE TABLE responses (
        id TEXT PRIMARY KEY,
        survey_id TEXT NOT NULL,
        survey_version INTEGER NOT NULL,
        submitted_at TEXT NOT NULL, -- sortable form (sort-time.ts)
        submitted_sent TEXT NOT NULL, -- as the client sent it
        received_at TEXT NOT NULL,
        locale TEXT NOT NULL,
        country TEXT,
        consent_sensitive INTEGER NOT NULL,
        consent_version TEXT NOT NULL,
        learner_hash TEXT, -- keyed hash only, never the raw learnerRef
        context TEXT,
        answers TEXT NOT NULL,
        flags TEXT NOT NULL, -- non-sensitive derived flags, each with its rule version
        content_hash TEXT NOT NULL,
        site_key TEXT NOT NULL
      ) STRICT;
      CREATE INDEX responses_export ON responses (submitted_at, id);
      CREATE INDEX responses_survey ON responses (survey_id, survey_version, submitted_at, id);
      CREATE INDEX responses_learner ON responses (learner_hash, survey_id) WHERE learner_hash IS NOT NULL;
      CREATE TABLE sensitive_answers (
        response_id TEXT PRIMARY KEY REFERENCES responses (id) ON DELETE CASCADE,
        answers TEXT NOT NULL,
        flags TEXT NOT NULL -- sensitive derived flags, each with its rule version
      ) STRICT;
      CREATE TABLE opt_outs (
        learner_hash TEXT NOT NULL,
        survey_id TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (learner_hash, survey_id)
      ) STRICT;
    `,
  },
  {
    version: 2,
    name: 'consent groups; index for the retention purge',
    sql: `
      ALTER TABLE responses ADD COLUMN consent_groups TEXT; -- JSON array, NULL when the response had none
      CREATE INDEX responses_received ON responses (received_at);
    `,
  },
  {
    version: 3,
    name: 'rejections counted per day, site key and reason',
    sql: `
      -- Counts only: no id, answer or message of a rejected item is ever kept.
      CREATE TABLE rejections_daily (
        day TEXT NOT NULL, -- YYYY-MM-DD, UTC, by the collector's clock
        site_key TEXT NOT NULL,
        reason_code TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (day, site_key, reason_code)
      ) STRICT;
    `,
  },
  {
    version: 4,
    name: 'whether the learnerRef of each response was signed',
    sql: `
      -- verified | unchecked (site key without learnerSecret) | unverified (ref dropped); NULL: no ref sent.
      ALTER TABLE responses ADD COLUMN learner_ref_status TEXT;
      -- Every ref stored before signatures existed was taken on trust.
      UPDATE responses SET learner_ref_status = 'unchecked' WHERE learner_hash IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: 'denominators: cohorts, roster members and changes, contact events, response status',
    sql: `
      CREATE TABLE cohorts (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE cohort_members (
        cohort_id TEXT NOT NULL REFERENCES cohorts (id),
        learner_hash TEXT NOT NULL, -- keyed hash only, never the raw learner_ref
        enrolled_at TEXT,
        completed_at TEXT,
        country TEXT,
        course_id TEXT,
        path_id TEXT,
        attrs TEXT NOT NULL, -- JSON object of the attr_<name> columns, by name without the prefix
        PRIMARY KEY (cohort_id, learner_hash)
      ) STRICT;
      CREATE INDEX cohort_members_learner ON cohort_members (learner_hash);
      -- One dated record per import that changed something (collector/denominators/roster-diff.ts).
      CREATE TABLE roster_changes (
        id INTEGER PRIMARY KEY,
        cohort_id TEXT NOT NULL,
        at TEXT NOT NULL,
        added INTEGER NOT NULL,
        removed INTEGER NOT NULL,
        changed INTEGER NOT NULL,
        detail TEXT NOT NULL -- JSON: added, removed, changed (column, from, to) by hashed ref
      ) STRICT;
      CREATE TABLE contact_events (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        survey_id TEXT NOT NULL,
        survey_version INTEGER NOT NULL,
        at TEXT NOT NULL, -- as the device sent it
        at_sort TEXT NOT NULL, -- sortable form (sort-time.ts), what retention compares
        received_at TEXT NOT NULL,
        site_key TEXT NOT NULL,
        learner_hash TEXT, -- keyed hash only
        learner_ref_status TEXT,
        trigger TEXT,
        wave TEXT,
        cohort TEXT,
        course TEXT,
        path TEXT,
        answered INTEGER,
        asked INTEGER,
        reason TEXT,
        content_hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX contact_events_member ON contact_events (learner_hash, survey_id, wave) WHERE learner_hash IS NOT NULL;
      CREATE INDEX contact_events_at ON contact_events (at_sort);
      CREATE INDEX contact_events_received ON contact_events (received_at);
      ALTER TABLE responses ADD COLUMN status TEXT NOT NULL DEFAULT 'complete'; -- partial | complete
      ALTER TABLE responses ADD COLUMN answered INTEGER; -- questions answered, for the revision rule
      CREATE INDEX responses_revision ON responses (learner_hash, survey_id, json_extract(context, '$.wave'))
        WHERE learner_hash IS NOT NULL;
      -- Ids of partials a later record replaced: a late resend of one is acked duplicate and changes nothing.
      CREATE TABLE replaced_responses (
        id TEXT PRIMARY KEY,
        kept_id TEXT NOT NULL,
        learner_hash TEXT
      ) STRICT;
    `,
  },
];
