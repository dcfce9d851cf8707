import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Ack } from '../../../protocol/index.ts';
import { response } from '../http/test-app.ts';
import { cleanup, exportRows, freshDatabase, send, startPgCollector, stopOwnServer } from './pg-collectors.ts';
import { slowRowInserts } from './slow-row-inserts.ts';

const ROUNDS = 3;
const BATCH = 45;

const ids = (responses: { id: string }[]) => responses.map((r) => r.id);
const sorted = (list: string[]) => [...list].sort();

/** Every id in `expected` is accepted by exactly one ack (never twice, never by none), no id is both; none rejected. */
function expectEachAcceptedOnce(acks: Ack[], expected: string[]) {
  for (const ack of acks) expect(ack.rejected).toEqual([]);
  const accepted = acks.flatMap((a) => a.accepted);
  expect(sorted(accepted)).toEqual(sorted(expected));
  for (const ack of acks) expect(ack.accepted.filter((id) => ack.duplicate.includes(id))).toEqual([]);
}

afterEach(cleanup);
afterAll(stopOwnServer);

describe('two collector instances over one PostgreSQL database', () => {
  it('both start at once on an empty database: migrations run once under the advisory lock', async () => {
    const db = await freshDatabase();
    const [a, b] = await Promise.all([startPgCollector(db), startPgCollector(db)]);
    for (const c of [a, b])
      expect(await (await fetch(`${c.url}/healthz`)).json()).toEqual({ ok: true, storage: 'up', writes: 'ok' });
    const r = response();
    expect((await send(a.url, [r])).accepted).toEqual([r.id]);
    expect((await send(b.url, [r])).duplicate).toEqual([r.id]);
  });

  it('refuses to start on a database a newer version migrated, naming the migration', async () => {
    const db = await freshDatabase();
    await (await startPgCollector(db)).close();
    const client = new pg.Client({ connectionString: db });
    await client.connect();
    await client.query("INSERT INTO migrations (version, name) VALUES (999, 'from the future')");
    await client.end();
    await expect(startPgCollector(db)).rejects.toThrow(
      'PostgreSQL database: the database has migration(s) 999 that this version does not know; run a newer collector',
    );
  });

  it('stores each id once when both receive the same batch at the same time', async () => {
    const db = await freshDatabase();
    const [a, b] = await Promise.all([startPgCollector(db), startPgCollector(db)]);
    await slowRowInserts(db);
    const all: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const batch = Array.from({ length: BATCH }, () => response());
      all.push(...ids(batch));
      const acks = await Promise.all([send(a.url, batch), send(b.url, batch)]);
      expectEachAcceptedOnce(acks, ids(batch));
      // Each side acknowledges the whole batch: what one did not insert, it reports as a duplicate.
      for (const ack of acks) expect(sorted([...ack.accepted, ...ack.duplicate])).toEqual(sorted(ids(batch)));
    }
    for (const c of [a, b]) expect(sorted((await exportRows(c.url)).map((row) => String(row.id)))).toEqual(sorted(all));
  });

  it.each([
    ['in the same order', false],
    ['in opposite orders', true],
  ])('stores overlapping batches sent to both %s without deadlock', async (_name, reverse) => {
    const db = await freshDatabase();
    const [a, b] = await Promise.all([startPgCollector(db), startPgCollector(db)]);
    await slowRowInserts(db);
    const all: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // a gets [x, shared], b gets [shared, y] (or reversed): the shared ids race, the others do not.
      const onlyA = Array.from({ length: BATCH / 3 }, () => response());
      const shared = Array.from({ length: BATCH / 3 }, () => response());
      const onlyB = Array.from({ length: BATCH / 3 }, () => response());
      const batchA = [...onlyA, ...shared];
      const batchB = [...shared, ...onlyB];
      if (reverse) batchB.reverse();
      all.push(...ids(onlyA), ...ids(shared), ...ids(onlyB));
      const [ackA, ackB] = await Promise.all([send(a.url, batchA), send(b.url, batchB)]);
      expectEachAcceptedOnce([ackA, ackB], [...ids(onlyA), ...ids(shared), ...ids(onlyB)]);
      expect(ackA.accepted).toEqual(expect.arrayContaining(ids(onlyA)));
      expect(ackB.accepted).toEqual(expect.arrayContaining(ids(onlyB)));
      for (const id of ids(shared)) expect(ackA.accepted.includes(id)).toBe(ackB.duplicate.includes(id));
    }
    const exported = (await exportRows(b.url)).map((row) => String(row.id));
    expect(exported).toHaveLength(all.length);
    expect(sorted(exported)).toEqual(sorted(all));
  });
});
