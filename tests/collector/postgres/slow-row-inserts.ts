import pg from 'pg';

/**
 * Widens the race window between instances. Two collectors in one test process rarely
 * insert at the same moment: one request's INSERT is done before the other's validation
 * ends. A trigger that sleeps before each row makes one batch take tens of milliseconds,
 * so concurrent batches really interleave row by row, as they do under production load.
 */
export async function slowRowInserts(databaseUrl: string, msPerRow = 2): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(`
      CREATE FUNCTION test_slow_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_sleep(${msPerRow / 1000}); RETURN NEW; END $$;
      CREATE TRIGGER test_slow_row BEFORE INSERT ON responses FOR EACH ROW EXECUTE FUNCTION test_slow_row();`);
  } finally {
    await client.end();
  }
}
