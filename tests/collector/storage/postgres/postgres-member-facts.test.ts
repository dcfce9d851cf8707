import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispositionRows } from '../../../../collector/denominators/disposition-rows.ts';
import { memberDisposition } from '../../../../collector/denominators/member-disposition.ts';
import { memberSteps } from '../../../../collector/denominators/rate-tally.ts';
import { responseRates } from '../../../../collector/denominators/response-rates.ts';
import { waveDueRule } from '../../../../collector/denominators/wave-schedule.ts';
import type {
  MemberFacts,
  StoredContactEvent,
  StoredMember,
  WaveQuery,
} from '../../../../collector/storage/denominator-storage.ts';
import { MEMBER_PAGE } from '../../../../collector/storage/member-facts-page.ts';
import { openStorage } from '../../../../collector/storage/open-storage.ts';
import type { Storage } from '../../../../collector/storage/storage.ts';
import { createDatabase } from '../../../support/postgres.ts';
import { usePostgresServer } from '../../../support/use-postgres-server.ts';
import { makeRecord, testId } from '../make-record.ts';

// Issue 20: PostgreSQL reads a cohort's member facts with one query through a cursor (postgres-member-facts.ts),
// SQLite still in keyset pages of members with their events and responses looked up per page, the computation
// PostgreSQL used before; PostgreSQL's rates apply the disposition rules in SQL (postgres-rate-counts.ts). On one
// seeded data set, every fact, every member's code and funnel steps, rate and disposition row must come out the same
// (the hand-made cases of each rule: postgres-rate-counts.test.ts).

const server = usePostgresServer();
const SURVEY = 'career-outcomes';
const MEMBERS = 2 * MEMBER_PAGE + 234; // three pages
const KINDS = ['invited', 'reminded', 'shown', 'dismissed', 'started', 'progress', 'completed', 'undeliverable'];
const REASONS = ['not_now', 'never', 'closed'] as const;
const WAVES = ['m0', 'm6', undefined];

/**
 * A small deterministic generator, so a failure reproduces. It draws from the high bits: the low bits of this
 * generator repeat every few calls (s % 8 has period 8), which tied each event's kind to its wave and member.
 */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return Math.floor((s / 2147483648) * n);
  };
}

function seeded() {
  const pick = random(20);
  const hash = (i: number) => `lh-${(i * 7919).toString(16).padStart(8, '0')}`;
  const members: StoredMember[] = Array.from({ length: MEMBERS }, (_, i) => ({
    learnerHash: hash(i),
    ...(i % 23 === 0 ? {} : { completedAt: i % 17 === 0 ? '2099-01-01' : `2025-0${1 + (i % 9)}-1${i % 10}` }),
    country: ['FR', 'DE', 'ES'][i % 3],
    // attr_member sets each member apart, so the rates' SQL can be compared member by member.
    attrs: { member: String(i), ...(i % 4 === 0 ? {} : { funding: ['public', 'employer'][i % 2] }) },
  }));
  const events: StoredContactEvent[] = [];
  // Learners on no roster (i >= MEMBERS) too, and instants that tie or differ only below the millisecond.
  for (let n = 0; n < MEMBERS * 5; n++) {
    const kind = KINDS[pick(KINDS.length)] as StoredContactEvent['kind'];
    const wave = WAVES[pick(3)];
    const e: StoredContactEvent = {
      id: `00000000-0000-7000-9000-${n.toString(16).padStart(12, '0')}`,
      kind,
      surveyId: pick(10) === 0 ? 'other-survey' : SURVEY,
      surveyVersion: 1,
      at: `2025-10-0${1 + pick(3)}T10:0${pick(3)}:00${['', '.000', '.0004', '.5'][pick(4)]}Z`,
      context: { trigger: 'waves', ...(wave ? { wave } : {}) },
      receivedAt: '2025-10-05T00:00:00.000Z',
      siteKey: 'site-a',
      contentHash: `event-${n}`,
      learnerHash: hash(pick(MEMBERS + 50)),
    };
    if (kind === 'progress') Object.assign(e, { answered: 1 + pick(8), ...(pick(4) ? { asked: 8 } : {}) });
    if (kind === 'dismissed') e.reason = REASONS[pick(3)];
    events.push(e);
  }
  const responses = Array.from({ length: Math.round(MEMBERS * 0.6) }, (_, n) => {
    const partial = pick(3) === 0;
    return makeRecord({
      id: testId(10_000 + n),
      learnerHash: hash(pick(MEMBERS + 50)),
      surveyId: pick(10) === 0 ? 'other-survey' : SURVEY,
      submittedAt: `2025-10-0${1 + pick(4)}T12:00:00.000Z`,
      context: { trigger: 'waves', ...(WAVES[pick(3)] ? { wave: WAVES[pick(3)] } : {}) },
      status: partial ? 'partial' : 'complete',
      answers: Object.fromEntries(Array.from({ length: partial ? pick(6) : 6 }, (_, q) => [`q${q}`, 'yes'])),
      contentHash: `response-${n}`,
    });
  });
  const optOuts = members.filter((_, i) => i % 31 === 0).map((m) => m.learnerHash);
  return { members, events, responses, optOuts };
}

async function fill(s: Storage, data: ReturnType<typeof seeded>) {
  await s.importRoster('big', data.members, '2025-09-01T00:00:00.000Z');
  await s.importRoster('part', data.members.slice(0, 300), '2025-09-01T00:00:00.000Z');
  for (let i = 0; i < data.events.length; i += 500) await s.insertContactEvents(data.events.slice(i, i + 500));
  for (const r of data.responses) await s.insert([r]);
  for (const h of data.optOuts) await s.setOptOut(h, SURVEY, '2025-10-02T00:00:00.000Z');
}

async function all(facts: AsyncIterable<MemberFacts>): Promise<MemberFacts[]> {
  const out: MemberFacts[] = [];
  for await (const f of facts) out.push(f);
  return out;
}

async function text(rows: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of rows) out += chunk;
  return out;
}

describe('PostgreSQL member facts through one cursor', () => {
  let dir: string;
  let sqlite: Storage;
  let postgres: Storage;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'member-facts-'));
    const db = await createDatabase(server());
    drop = db.drop;
    // A pool of two: a cursor left open by a reader that stopped early would soon leave none.
    postgres = await openStorage(db.url, { poolSize: 2 });
    sqlite = await openStorage(`sqlite:${join(dir, 'facts.sqlite')}`);
    const data = seeded();
    await fill(sqlite, data);
    await fill(postgres, data);
  }, 120_000);

  afterAll(async () => {
    await postgres?.close();
    await sqlite?.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  const queries: WaveQuery[] = [
    { surveyId: SURVEY, cohortId: 'big', wave: 'm0' },
    { surveyId: SURVEY, cohortId: 'big', wave: 'once' },
    { surveyId: SURVEY, cohortId: 'part', wave: 'm6' },
    { surveyId: 'other-survey', cohortId: 'big', wave: 'm0' },
  ];

  it.each(queries)('gives the same facts as the paged reads for $cohortId, $surveyId, $wave', async (q) => {
    const [ours, paged] = [await all(postgres.memberFacts(q)), await all(sqlite.memberFacts(q))];
    expect(ours.length).toBe(q.cohortId === 'big' ? MEMBERS : 300);
    expect(ours.some((f) => f.events.length > 0 && f.response)).toBe(true);
    expect(ours).toEqual(paged);
  });

  it.each(queries)('gives the same rates and disposition rows for $cohortId, $surveyId, $wave', async (q) => {
    const ctx = { schedule: ['m0', 'm6', 'm12'] as const, partialThreshold: 0.5, at: new Date('2026-01-15T00:00:00Z') };
    const rules = { minCell: 1, roundTo: 1, minPercentBase: 1 };
    const rates = (s: Storage) => responseRates(s, { ...q, ...ctx, by: 'attr_funding' }, rules);
    expect(await rates(postgres)).toEqual(await rates(sqlite));
    const rows = (s: Storage) => text(dispositionRows(s, q, ctx, 'csv'));
    expect(await rows(postgres)).toEqual(await rows(sqlite));
  });

  it.each(queries)(
    'counts each member in SQL as the JavaScript rules do for $cohortId, $surveyId, $wave',
    async (q) => {
      const at = new Date('2026-01-15T00:00:00Z');
      const ctx = { wave: q.wave, schedule: ['m0', 'm6', 'm12'] as const, partialThreshold: 0.5, at };
      const node = new Map<string, unknown>();
      for await (const facts of sqlite.memberFacts(q)) {
        const { code } = memberDisposition(facts, ctx);
        node.set(facts.member.attrs.member, { code, ...memberSteps(facts, code), members: 1 });
      }
      const counts = await postgres.rateCounts?.({
        ...q,
        due: waveDueRule(q.wave, ctx.schedule),
        at,
        partialThreshold: 0.5,
        by: 'attr_member',
      });
      const sql = new Map((counts ?? []).map(({ value, ...figures }) => [value, figures]));
      expect(counts).toHaveLength(node.size);
      expect(sql).toEqual(node);
      expect(new Set([...node.values()].map((f) => (f as { code: string }).code)).size).toBeGreaterThan(2);
    },
  );

  it('gives its connection back when the reader stops early, so the pool never runs dry', async () => {
    for (let i = 0; i < 5; i++) {
      for await (const f of postgres.memberFacts(queries[0])) if (f.member.learnerHash) break;
    }
    expect(await postgres.ping()).toBe(true);
    expect(await all(postgres.memberFacts(queries[2]))).toHaveLength(300);
  });
});
