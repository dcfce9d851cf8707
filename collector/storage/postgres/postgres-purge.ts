import type pg from 'pg';
import { PURGE_BATCH, purgeCondition } from '../purge-sql.ts';
import { withTransaction } from '../with-transaction.ts';

/**
 * Deletes responses past the cutoff, and their sensitive rows, a batch per transaction; returns how
 * many. Instances purging at once skip each other's locked rows instead of waiting on them.
 */
export async function postgresPurge(pool: pg.Pool, cutoffIso: string): Promise<number> {
  const params: unknown[] = [];
  const condition = purgeCondition(
    cutoffIso,
    (v) => {
      params.push(v);
      return `$${params.length}`;
    },
    ' COLLATE "C"',
  );
  let total = 0;
  for (;;) {
    const n = await withTransaction(pool, async (client) => {
      const picked = await client.query<{ id: string }>(
        `SELECT id FROM responses WHERE ${condition} LIMIT ${PURGE_BATCH} FOR UPDATE SKIP LOCKED`,
        params,
      );
      const ids = picked.rows.map((r) => r.id);
      await client.query('DELETE FROM sensitive_answers WHERE response_id = ANY($1::text[])', [ids]);
      return (await client.query('DELETE FROM responses WHERE id = ANY($1::text[])', [ids])).rowCount ?? 0;
    });
    total += n;
    if (n < PURGE_BATCH) return total;
  }
}
