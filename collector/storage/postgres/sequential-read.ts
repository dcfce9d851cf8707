import type pg from 'pg';

/**
 * Runs `read` in a read-only transaction planned to read each table once in sequence: the cohort-wide queries of
 * the denominators touch every member, and an index scan in learner_hash order reads a heap page per event, in
 * random order (bench/profiles/denominators.md). Hashes and sorts get the memory to stay off disk, and no JIT:
 * the row estimates of JSON fields are poor, and compiling a plan the planner thinks huge took 2.4 of 8 s at
 * 100,000 members. SET LOCAL: all of it ends with the transaction.
 */
export async function sequentialRead<T>(pool: pg.Pool, read: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off;
      SET LOCAL enable_bitmapscan = off; SET LOCAL work_mem = '64MB'; SET LOCAL jit = off`);
    const result = await read(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A connection that cannot even roll back is dropped from the pool, not handed to the next caller.
    await client.query('ROLLBACK').catch((e: unknown) => (broken = e as Error));
    throw error;
  } finally {
    client.release(broken);
  }
}
