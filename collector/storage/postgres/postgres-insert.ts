import type pg from 'pg';
import { firstOfEachId, insertStatuses } from '../insert-statuses.ts';
import { type KeptRecord, revise, revisionKey, statusOf } from '../revision-rule.ts';
import type { InsertStatus, StoredResponse } from '../storage.ts';
import { type ResponseRow, toRows } from '../stored-row.ts';

const RESPONSE_COLUMNS: { name: keyof ResponseRow; type: string }[] = [
  { name: 'id', type: 'text' },
  { name: 'survey_id', type: 'text' },
  { name: 'survey_version', type: 'int' },
  { name: 'submitted_at', type: 'text' },
  { name: 'submitted_sent', type: 'text' },
  { name: 'received_at', type: 'text' },
  { name: 'locale', type: 'text' },
  { name: 'country', type: 'text' },
  { name: 'consent_sensitive', type: 'bool' },
  { name: 'consent_version', type: 'text' },
  { name: 'consent_groups', type: 'json' },
  { name: 'learner_hash', type: 'text' },
  { name: 'learner_ref_status', type: 'text' },
  { name: 'context', type: 'json' },
  { name: 'answers', type: 'json' },
  { name: 'flags', type: 'json' },
  { name: 'content_hash', type: 'text' },
  { name: 'site_key', type: 'text' },
  { name: 'status', type: 'text' },
  { name: 'answered', type: 'int' },
];

// One statement per batch whatever its length: each column travels as one array parameter.
const INSERT_RESPONSES = `INSERT INTO responses (${RESPONSE_COLUMNS.map((c) => c.name).join(', ')})
  SELECT * FROM unnest(${RESPONSE_COLUMNS.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})
  ON CONFLICT (id) DO NOTHING RETURNING id`;
const INSERT_SENSITIVE = `INSERT INTO sensitive_answers (response_id, answers, flags)
  SELECT * FROM unnest($1::text[], $2::json[], $3::json[])`;

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
  const columns = RESPONSE_COLUMNS.map((c) => rows.map((r) => r.response[c.name]));
  const result = await client.query<{ id: string }>(INSERT_RESPONSES, columns);
  const fresh = new Set(result.rows.map((r) => r.id));
  const sensitive = rows.filter((r) => fresh.has(r.response.id)).map((r) => r.sensitive);
  if (sensitive.length > 0) {
    await client.query(INSERT_SENSITIVE, [
      sensitive.map((s) => s.response_id),
      sensitive.map((s) => s.answers),
      sensitive.map((s) => s.flags),
    ]);
  }
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
