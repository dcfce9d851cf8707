import type pg from 'pg';
import { firstOfEachId, insertStatuses } from '../insert-statuses.ts';
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
];

// One statement per batch whatever its length: each column travels as one array parameter.
const INSERT_RESPONSES = `INSERT INTO responses (${RESPONSE_COLUMNS.map((c) => c.name).join(', ')})
  SELECT * FROM unnest(${RESPONSE_COLUMNS.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')})
  ON CONFLICT (id) DO NOTHING RETURNING id`;
const INSERT_SENSITIVE = `INSERT INTO sensitive_answers (response_id, answers, flags)
  SELECT * FROM unnest($1::text[], $2::json[], $3::json[])`;

/**
 * Inserts a batch inside the caller's transaction. Safe against another instance inserting
 * the same ids at once: ON CONFLICT waits for its transaction, then skips what it committed.
 */
export async function insertBatch(client: pg.PoolClient, records: StoredResponse[]): Promise<InsertStatus[]> {
  const unique = firstOfEachId(records);
  const rows = unique.map(toRows);
  const columns = RESPONSE_COLUMNS.map((c) => rows.map((r) => r.response[c.name]));
  const result = await client.query<{ id: string }>(INSERT_RESPONSES, columns);
  const inserted = new Set(result.rows.map((r) => r.id));
  const fresh = rows.filter((r) => inserted.has(r.response.id)).map((r) => r.sensitive);
  if (fresh.length > 0) {
    await client.query(INSERT_SENSITIVE, [
      fresh.map((s) => s.response_id),
      fresh.map((s) => s.answers),
      fresh.map((s) => s.flags),
    ]);
  }
  const hashes = new Map(unique.filter((r) => inserted.has(r.id)).map((r) => [r.id, r.contentHash]));
  const others = unique.filter((r) => !inserted.has(r.id)).map((r) => r.id);
  if (others.length > 0) {
    // READ COMMITTED: this statement sees the row another instance just committed, whose insert ours waited for.
    const stored = await client.query<{ id: string; content_hash: string }>(
      'SELECT id, content_hash FROM responses WHERE id = ANY($1::text[])',
      [others],
    );
    for (const r of stored.rows) hashes.set(r.id, r.content_hash);
  }
  return insertStatuses(records, inserted, hashes);
}
