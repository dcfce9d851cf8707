import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../../../collector/logging/logger.ts';
import type { RunningCollector } from '../../../collector/start-collector.ts';
import { response, TOKEN } from '../http/test-app.ts';
import { cleanup, exportRows, freshDatabase, send, startPgCollector, stopOwnServer } from './pg-collectors.ts';

// One collector and database for the file; every test makes fresh ids and learner refs, so order does not matter.
let collector: RunningCollector;
let db: string;
const log = memoryLogger();

beforeAll(async () => {
  db = await freshDatabase();
  collector = await startPgCollector(db, {}, log);
}, 60_000);
afterAll(async () => {
  await cleanup();
  await stopOwnServer();
});

const exported = async (id: string) => (await exportRows(collector.url)).filter((row) => row.id === id);
const withConsent = { consent: { sensitive: true, version: '1' } };

async function sensitiveRows(ids: string[]): Promise<number> {
  const client = new pg.Client({ connectionString: db });
  await client.connect();
  try {
    const sql = 'SELECT count(*)::int AS n FROM sensitive_answers WHERE response_id = ANY($1::text[])';
    return (await client.query<{ n: number }>(sql, [ids])).rows[0].n;
  } finally {
    await client.end();
  }
}

describe('the collector over PostgreSQL, through HTTP', () => {
  it('reports storage reachable on /healthz', async () => {
    const res = await fetch(`${collector.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, storage: 'up', writes: 'ok' });
  });

  it('accepts a response and exports it with its sensitive answers kept apart', async () => {
    const r = response({ answers: { situation: 'looking', disability: 'yes' }, ...withConsent });
    expect(await send(collector.url, [r])).toEqual({ accepted: [r.id], duplicate: [], rejected: [] });
    expect(await exported(r.id)).toEqual([
      expect.objectContaining({ answers: { situation: 'looking' }, sensitiveAnswers: { disability: 'yes' } }),
    ]);
    expect(await sensitiveRows([r.id])).toBe(1);
  });

  it('acknowledges a resent id as a duplicate and stores it once', async () => {
    const r = response();
    await send(collector.url, [r]);
    expect(await send(collector.url, [r])).toEqual({ accepted: [], duplicate: [r.id], rejected: [] });
    expect(await exported(r.id)).toHaveLength(1);
  });

  it('rejects a reused id with different content, logs the conflict and keeps the stored one', async () => {
    const r = response({ answers: { situation: 'employed' } });
    await send(collector.url, [r]);
    const ack = await send(collector.url, [{ ...r, answers: { situation: 'looking' } }]);
    expect(ack).toEqual({
      accepted: [],
      duplicate: [],
      rejected: [
        { id: r.id, errors: [{ path: 'responses[0].id', message: 'id already stored with different content' }] },
      ],
    });
    expect(await exported(r.id)).toEqual([expect.objectContaining({ answers: { situation: 'employed' } })]);
    expect(log.lines).toContainEqual(expect.objectContaining({ level: 'warn', event: 'conflict', id: r.id }));
  });

  it.each([
    [
      'a sensitive answer without consent',
      { answers: { situation: 'employed', disability: 'yes' } },
      'responses[1].answers.disability',
      'sensitive answer without consent.sensitive = true',
    ],
    [
      'an option the question lacks',
      { answers: { situation: 'astronaut' } },
      'responses[1].answers.situation',
      expect.stringContaining('expected one of'),
    ],
  ])('rejects %s alone and stores the rest of the batch', async (_name, overrides, path, message) => {
    const [good1, bad, good2] = [response(), response(overrides), response()];
    const ack = await send(collector.url, [good1, bad, good2]);
    expect(ack.accepted).toEqual([good1.id, good2.id]);
    expect(ack.rejected).toEqual([{ id: bad.id, errors: expect.arrayContaining([{ path, message }]) }]);
    expect(await exported(bad.id)).toEqual([]);
    expect(await exported(good1.id)).toHaveLength(1);
  });

  it("erases one learner's rows from both tables and leaves another's", async () => {
    const ref = `learner-${crypto.randomUUID()}`;
    const mine = [0, 1].map(() => response({ learnerRef: ref, answers: { disability: 'no' }, ...withConsent }));
    const theirs = response({ learnerRef: `other-${ref}`, answers: { disability: 'no' }, ...withConsent });
    await send(collector.url, [...mine, theirs]);
    const erase = (token: string) =>
      fetch(`${collector.url}/v1/learners/${encodeURIComponent(ref)}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${token}` },
      });
    expect((await erase('not-the-token-at-all')).status).toBe(401);
    const res = await erase(TOKEN);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ erased: 2 });
    for (const r of mine) expect(await exported(r.id)).toEqual([]);
    expect(await sensitiveRows(mine.map((r) => r.id))).toBe(0);
    expect(await exported(theirs.id)).toHaveLength(1);
    expect(await sensitiveRows([theirs.id])).toBe(1);
  });
});
