import type pg from 'pg';
import { firstOfEachId, insertStatuses } from '../insert-statuses.ts';
import { type KeptRecord, revise, revisionKey, statusOf } from '../revision-rule.ts';
import type { InsertStatus, StoredResponse } from '../storage.ts';
import { type ResponseRow, toRows } from '../stored-row.ts';

const RESPONSE_COLUMNS: (keyof ResponseRow)[] = [
  'id',
  'survey_id',
  'survey_version',
  'submitted_at',
  'submitted_sent',
  'received_at',
  'locale',
  'country',
  'consent_sensitive',
  'consent_version',
  'consent_groups',
  'learner_hash',
  'learner_ref_status',
  'context',
  'answers',
  'flags',
  'content_hash',
  'site_key',
  'status',
  'answered',
];
/** Columns whose row value is already JSON text: spliced into the recordset as JSON, not quoted as a string. */
const JSON_COLUMNS: ReadonlySet<string> = new Set(['consent_groups', 'context', 'answers', 'flags']);

// One statement and one parameter per batch whatever its length: the rows travel as one JSON recordset, as in the
// bench's straight-insert limit, and the sensitive part goes in with them for the rows that were new (issue 20: the
// per-column arrays pg had to escape, and a second round trip, were most of the adapter's time).
const INSERT_ROWS = `WITH fresh AS (
    INSERT INTO responses (${RESPONSE_COLUMNS.join(', ')})
    SELECT ${RESPONSE_COLUMNS.join(', ')} FROM json_populate_recordset(NULL::responses, $1::json)
    ON CONFLICT (id) DO NOTHING RETURNING id
  )
  INSERT INTO sensitive_answers (response_id, answers, flags)
  SELECT s.response_id, s.answers, s.flags FROM json_populate_recordset(NULL::sensitive_answers, $2::json) s
  JOIN fresh ON fresh.id = s.response_id
  RETURNING response_id AS id`;

/** A JSON array of the rows; JSON columns hold JSON text already and go in as it is, never encoded twice. */
function recordset(rows: readonly Record<string, unknown>[]): string {
  let out = '[';
  for (let i = 0; i < rows.length; i++) {
    let first = true;
    out += i ? ',{' : '{';
    for (const [column, value] of Object.entries(rows[i])) {
      const json = JSON_COLUMNS.has(column) && typeof value === 'string' ? value : JSON.stringify(value ?? null);
      out += `${first ? '' : ','}"${column}":${json}`;
      first = false;
    }
    out += '}';
  }
  return `${out}]`;
}

type KeptRow = { id: string; status: 'partial' | 'complete'; answered: number | null; content_hash: string };
const kept = (row: KeptRow | undefined): KeptRecord | undefined =>
  row && { id: row.id, status: row.status, answered: row.answered ?? 0, contentHash: row.content_hash };

/**
 * Inserts a batch inside the caller's transaction, under the revision rule (revision-rule.ts). Safe against another
 * instance inserting the same ids at once: ON CONFLICT waits for its transaction, then skips what it committed; a
 * record that may revise another takes an advisory lock on its revision key first, so two instances never both
 * keep a partial of one attempt.
 */
export async function insertBatch(client: pg.PoolClient, records: StoredResponse[]): Promise<InsertStatus[]> {
  const unique = firstOfEachId(records);
  const ids = unique.map((r) => r.id);
  const { rows: stored } = await client.query<KeptRow>(
    'SELECT id, status, answered, content_hash FROM responses WHERE id = ANY($1::text[])',
    [ids],
  );
  const partialIds = new Set(stored.filter((r) => r.status === 'partial').map((r) => r.id));
  const revisable = unique.filter(
    (r) => statusOf(r) === 'partial' || revisionKey(r) !== undefined || partialIds.has(r.id),
  );
  const plain = unique.filter((r) => !revisable.includes(r));
  const inserted = new Set<string>();
  const hashes = new Map<string, string>();
  const spent = new Set<string>();
  const keys = [...new Set(revisable.map((r) => JSON.stringify(revisionKey(r) ?? r.id)))].sort();
  // hashtext over the key, in one order, so instances locking overlapping keys wait instead of deadlocking.
  for (const key of keys) await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
  for (const record of revisable) await insertRevised(client, record, inserted, hashes, spent);
  await insertPlain(client, plain, inserted, hashes);
  return insertStatuses(records, inserted, hashes, spent);
}

async function insertRevised(
  client: pg.PoolClient,
  record: StoredResponse,
  inserted: Set<string>,
  hashes: Map<string, string>,
  spent: Set<string>,
): Promise<void> {
  if (statusOf(record) === 'partial') {
    const replaced = await client.query('SELECT 1 FROM replaced_responses WHERE id = $1', [record.id]);
    if ((replaced.rowCount ?? 0) > 0) {
      hashes.set(record.id, record.contentHash);
      return;
    }
  }
  const key = revisionKey(record);
  const sameId = kept(
    (await client.query<KeptRow>('SELECT id, status, answered, content_hash FROM responses WHERE id = $1', [record.id]))
      .rows[0],
  );
  // The partial first: at most one partial per key exists, and only it can be replaced.
  const sameKey =
    key &&
    kept(
      (
        await client.query<KeptRow>(
          `SELECT id, status, answered, content_hash FROM responses
           WHERE learner_hash = $1 AND survey_id = $2 AND context->>'wave' = $3 AND id <> $4
           ORDER BY status = 'partial' DESC, submitted_at, id LIMIT 1`,
          [key.learnerHash, key.surveyId, key.wave, record.id],
        )
      ).rows[0],
    );
  const decision = revise(record, sameId, sameKey);
  if (decision.action === 'drop') {
    hashes.set(record.id, record.contentHash);
    return;
  }
  if (decision.action === 'spent') {
    spent.add(record.id);
    return;
  }
  if (decision.action === 'replace') {
    await client.query('DELETE FROM sensitive_answers WHERE response_id = $1', [decision.kept.id]);
    await client.query('DELETE FROM responses WHERE id = $1', [decision.kept.id]);
    if (decision.kept.id !== record.id)
      await client.query(
        'INSERT INTO replaced_responses (id, kept_id, learner_hash) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING',
        [decision.kept.id, record.id, record.learnerHash ?? null],
      );
  }
  await insertPlain(client, [record], inserted, hashes);
  if (inserted.has(record.id)) await client.query('DELETE FROM replaced_responses WHERE id = $1', [record.id]);
}

/** Today's insert: one statement for the batch, ON CONFLICT (id) DO NOTHING. */
async function insertPlain(
  client: pg.PoolClient,
  unique: StoredResponse[],
  inserted: Set<string>,
  hashes: Map<string, string>,
): Promise<void> {
  if (unique.length === 0) return;
  const rows = unique.map(toRows);
  const result = await client.query<{ id: string }>(INSERT_ROWS, [
    recordset(rows.map((r) => r.response)),
    recordset(rows.map((r) => r.sensitive)),
  ]);
  // Every response has its sensitive row (answers may be {}), so the rows returned are the responses inserted.
  const fresh = new Set(result.rows.map((r) => r.id));
  for (const r of unique) {
    if (!fresh.has(r.id)) continue;
    inserted.add(r.id);
    hashes.set(r.id, r.contentHash);
  }
  const others = unique.filter((r) => !fresh.has(r.id)).map((r) => r.id);
  if (others.length > 0) {
    // READ COMMITTED: this statement sees the row another instance just committed, whose insert ours waited for.
    const stored = await client.query<{ id: string; content_hash: string }>(
      'SELECT id, content_hash FROM responses WHERE id = ANY($1::text[])',
      [others],
    );
    for (const r of stored.rows) hashes.set(r.id, r.content_hash);
  }
}
