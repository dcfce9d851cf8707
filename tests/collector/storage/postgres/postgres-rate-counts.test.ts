import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DispositionCode, DispositionRule } from '../../../../collector/denominators/disposition.ts';
import { memberDisposition } from '../../../../collector/denominators/member-disposition.ts';
import { type FunnelSteps, memberSteps } from '../../../../collector/denominators/rate-tally.ts';
import { type ScheduledWave, waveDueRule } from '../../../../collector/denominators/wave-schedule.ts';
import type { StoredContactEvent, StoredMember, WaveQuery } from '../../../../collector/storage/denominator-storage.ts';
import { openStorage } from '../../../../collector/storage/open-storage.ts';
import type { Storage, StoredResponse } from '../../../../collector/storage/storage.ts';
import { createDatabase } from '../../../support/postgres.ts';
import { usePostgresServer } from '../../../support/use-postgres-server.ts';
import { makeRecord, testId } from '../make-record.ts';

// Issue 20: on PostgreSQL, GET /v1/response-rates applies the disposition rules in SQL (postgres-rate-counts.ts)
// instead of collector/denominators/disposition.ts. One roster member per case below, each grouped apart by its
// attr_case, so every branch of the SQL CASE, every tie and every step of the funnel is compared with what the
// JavaScript rules give the same member's facts, and each case first checks that it reaches the rule it names.

const server = usePostgresServer();
const SURVEY = 'career-outcomes';
const SCHEDULE: readonly ScheduledWave[] = ['m0', 'm6', 'm12'];
const AT = new Date('2026-02-28T00:00:00.000Z');
const THRESHOLD = 0.5;
const DUE = '2025-06-10'; // m6 fell due on 2025-12-10

type Event = Partial<StoredContactEvent> & { kind: StoredContactEvent['kind']; at: string };
type Answer = { status: 'partial' | 'complete'; answered: number; at?: string; id?: number; wave?: string | null };
type Case = {
  name: string;
  rule: DispositionRule;
  /** Under which wave the case's facts are recorded and its rule expected; m6 unless said. */
  wave?: 'm6' | 'once';
  member?: Partial<StoredMember>;
  events?: Event[];
  responses?: Answer[];
  optedOut?: boolean;
  /** "Don't ask me again" for another survey, which must not count for this one. */
  optedOutOf?: string;
};

const t = (time: string) => `2026-01-10T${time}Z`;
const shown = (time = '10:00:00') => ({ kind: 'shown', at: t(time) }) as const;
const progress = (time: string, answered: number, asked?: number, id?: number): Event => ({
  kind: 'progress',
  at: t(time),
  answered,
  ...(asked === undefined ? {} : { asked }),
  ...(id === undefined ? {} : { id: eventId(id) }),
});
const eventId = (n: number) => `00000000-0000-7000-9000-${n.toString(16).padStart(12, '0')}`;

const CASES: Case[] = [
  { name: 'complete', rule: 'complete', responses: [{ status: 'complete', answered: 6 }] },
  {
    name: 'complete outranks an opt-out and a never',
    rule: 'complete',
    optedOut: true,
    events: [{ kind: 'dismissed', at: t('11:00:00'), reason: 'never' }],
    responses: [{ status: 'complete', answered: 6 }],
  },
  {
    name: 'two completes at one instant: the lower id is kept',
    rule: 'complete',
    responses: [
      { status: 'complete', answered: 2, id: 901 },
      { status: 'complete', answered: 5, id: 902 },
    ],
  },
  {
    name: 'partial at exactly the threshold',
    rule: 'partial',
    events: [progress('10:00:00', 4, 8)],
    responses: [{ status: 'partial', answered: 4 }],
  },
  {
    name: 'partial below the threshold',
    rule: 'break_off',
    events: [progress('10:00:00', 3, 8)],
    responses: [{ status: 'partial', answered: 3 }],
  },
  {
    name: 'partial, nothing says how many were asked',
    rule: 'partial',
    responses: [{ status: 'partial', answered: 2 }],
  },
  { name: 'partial with no answer', rule: 'break_off', responses: [{ status: 'partial', answered: 0 }] },
  {
    name: 'partial judged by the latest progress event, not the largest',
    rule: 'partial',
    events: [progress('10:00:00', 1, 10), progress('10:05:00', 3, 6)],
    responses: [{ status: 'partial', answered: 3 }],
  },
  {
    name: 'progress events in one millisecond: the greater id is the latest, whatever the digits below',
    rule: 'break_off',
    events: [progress('10:00:00.0009', 3, 6, 801), progress('10:00:00', 3, 10, 802)],
    responses: [{ status: 'partial', answered: 3 }],
  },
  {
    name: 'an asked of 0 is taken as it is',
    rule: 'break_off',
    events: [progress('10:00:00', 0, 0)],
    responses: [{ status: 'partial', answered: 2 }],
  },
  {
    name: 'two partials without a wave: the earlier is kept',
    rule: 'break_off',
    wave: 'once',
    events: [progress('10:00:00', 2, 8)],
    responses: [
      { status: 'partial', answered: 1, at: '2026-01-10T12:00:00.000Z' },
      { status: 'partial', answered: 6, at: '2026-01-11T12:00:00.000Z' },
    ],
  },
  {
    name: 'a complete after a partial without a wave is kept first',
    rule: 'complete',
    wave: 'once',
    responses: [
      { status: 'partial', answered: 1, at: '2026-01-10T12:00:00.000Z' },
      { status: 'complete', answered: 6, at: '2026-01-11T12:00:00.000Z' },
    ],
  },
  { name: 'not due yet', rule: 'not_due', member: { completedAt: '2025-09-01' }, optedOut: true, events: [shown()] },
  {
    name: 'a partial outranks not due',
    rule: 'partial',
    member: { completedAt: '2099-01-01' },
    responses: [{ status: 'partial', answered: 5 }],
  },
  { name: 'due on the day', rule: 'shown_not_started', member: { completedAt: '2025-08-28' }, events: [shown()] },
  {
    name: 'due on a month end clamped (Aug 31 + 6 months = Feb 28)',
    rule: 'shown_not_started',
    member: { completedAt: '2025-08-31' },
    events: [shown()],
  },
  { name: 'no completed_at', rule: 'due_unknown', member: { completedAt: undefined }, optedOut: true },
  {
    name: 'once is due without completed_at',
    rule: 'shown_not_started',
    wave: 'once',
    member: { completedAt: undefined },
    events: [shown()],
  },
  { name: 'opted out', rule: 'opted_out', optedOut: true, events: [shown()] },
  {
    name: 'opted out after a partial below the threshold',
    rule: 'opted_out',
    optedOut: true,
    events: [progress('10:00:00', 1, 8)],
    responses: [{ status: 'partial', answered: 1 }],
  },
  {
    name: 'dismissed never, started too',
    rule: 'dismissed_never',
    events: [
      { kind: 'started', at: t('10:00:00') },
      { kind: 'dismissed', at: t('10:01:00'), reason: 'never' },
    ],
  },
  {
    name: 'dismissed not now',
    rule: 'shown_not_started',
    events: [{ kind: 'dismissed', at: t('10:00:00'), reason: 'not_now' }],
  },
  {
    name: 'dismissed not now, then started',
    rule: 'break_off',
    events: [
      { kind: 'dismissed', at: t('10:00:00'), reason: 'not_now' },
      { kind: 'started', at: t('10:01:00') },
    ],
  },
  {
    name: 'a count on an event other than progress is no progress (storage keeps what it is given)',
    rule: 'shown_not_started',
    events: [{ ...shown(), answered: 9 }],
  },
  {
    name: 'a never in another wave does not count',
    rule: 'break_off',
    events: [
      { kind: 'dismissed', at: t('10:00:00'), reason: 'never', context: { trigger: 'waves', wave: 'm0' } },
      { kind: 'started', at: t('10:01:00') },
    ],
  },
  { name: 'undeliverable', rule: 'undeliverable', events: [{ kind: 'undeliverable', at: t('10:00:00') }] },
  {
    name: 'reached in the same millisecond as the refusal',
    rule: 'shown_not_started',
    events: [{ kind: 'undeliverable', at: t('10:00:00.0004') }, shown('10:00:00')],
  },
  {
    name: 'reached, then refused',
    rule: 'undeliverable',
    events: [shown('10:00:00'), { kind: 'undeliverable', at: t('10:00:01') }],
  },
  {
    name: 'refused, then started',
    rule: 'break_off',
    events: [
      { kind: 'undeliverable', at: t('10:00:00') },
      { kind: 'started', at: t('10:00:01') },
    ],
  },
  {
    name: 'refused, then completed',
    rule: 'completed_without_response',
    events: [
      { kind: 'undeliverable', at: t('10:00:00') },
      { kind: 'completed', at: t('10:00:00.001') },
    ],
  },
  {
    name: 'refused, then invited again',
    rule: 'undeliverable',
    events: [
      { kind: 'undeliverable', at: t('10:00:00') },
      { kind: 'invited', at: t('10:00:01') },
    ],
  },
  {
    name: 'refused with a response stored',
    rule: 'break_off',
    events: [progress('09:00:00', 1, 8), { kind: 'undeliverable', at: t('10:00:00') }],
    responses: [{ status: 'partial', answered: 1 }],
  },
  {
    name: 'completed without a response',
    rule: 'completed_without_response',
    events: [{ kind: 'completed', at: t('10:00:00') }],
  },
  {
    name: 'completed with a partial below the threshold',
    rule: 'completed_without_response',
    events: [progress('09:00:00', 1, 8), { kind: 'completed', at: t('10:00:00') }],
    responses: [{ status: 'partial', answered: 1 }],
  },
  { name: 'started', rule: 'break_off', events: [{ kind: 'started', at: t('10:00:00') }] },
  { name: 'progress only', rule: 'break_off', events: [progress('10:00:00', 3)] },
  {
    name: 'progress further than the response',
    rule: 'break_off',
    events: [progress('10:00:00', 7, 20)],
    responses: [{ status: 'partial', answered: 2 }],
  },
  {
    name: 'shown, opted out of another survey',
    rule: 'shown_not_started',
    events: [shown()],
    optedOutOf: 'other-survey',
  },
  {
    name: 'invited and reminded only',
    rule: 'never_shown',
    events: [
      { kind: 'invited', at: t('09:00:00') },
      { kind: 'reminded', at: t('09:30:00') },
    ],
  },
  { name: 'nothing at all', rule: 'never_shown' },
  { name: 'shown for another survey', rule: 'never_shown', events: [{ ...shown(), surveyId: 'other-survey' }] },
  { name: 'shown without a wave', rule: 'never_shown', events: [{ ...shown(), context: { trigger: 'waves' } }] },
  {
    name: 'a complete of another wave',
    rule: 'never_shown',
    responses: [{ status: 'complete', answered: 6, wave: 'm0' }],
  },
];

const hashOf = (c: Case) => `case-${CASES.indexOf(c)}`;

function caseData() {
  const members: StoredMember[] = [];
  const events: StoredContactEvent[] = [];
  const responses: StoredResponse[] = [];
  const optOuts: [learnerHash: string, surveyId: string][] = [];
  let n = 0;
  for (const c of CASES) {
    const learnerHash = hashOf(c);
    members.push({ learnerHash, completedAt: DUE, country: 'FR', ...c.member, attrs: { case: c.name } });
    const context = { trigger: 'waves' as const, ...(c.wave === 'once' ? {} : { wave: c.wave ?? 'm6' }) };
    for (const e of c.events ?? [])
      events.push({
        id: eventId(++n),
        surveyId: SURVEY,
        surveyVersion: 1,
        context,
        receivedAt: '2026-01-12T00:00:00.000Z',
        siteKey: 'site-a',
        contentHash: `event-${n}`,
        learnerHash,
        ...e,
      });
    for (const r of c.responses ?? []) {
      const wave = r.wave === undefined ? context.wave : r.wave;
      responses.push(
        makeRecord({
          id: testId(r.id ?? 10_000 + ++n),
          learnerHash,
          submittedAt: r.at ?? '2026-01-10T12:00:00.000Z',
          context: { trigger: 'waves', ...(wave ? { wave } : {}) },
          status: r.status,
          answers: Object.fromEntries(Array.from({ length: r.answered }, (_, q) => [`q${q}`, 'yes'])),
          contentHash: `response-${n}`,
        }),
      );
    }
    if (c.optedOut) optOuts.push([learnerHash, SURVEY]);
    if (c.optedOutOf) optOuts.push([learnerHash, c.optedOutOf]);
  }
  return { members, events, responses, optOuts };
}

/** Responses no member of the cohort "cases" gave, and some that one did or that name another cohort. */
function strayResponses(): { responses: StoredResponse[]; outside: number } {
  const stray = (n: number, learnerHash: string | undefined, cohort?: string) =>
    makeRecord({
      id: testId(20_000 + n),
      ...(learnerHash ? { learnerHash } : {}),
      context: { trigger: 'waves', wave: 'm6', ...(cohort ? { cohort } : {}) },
      contentHash: `stray-${n}`,
    });
  return {
    responses: [
      stray(1, 'stray-1', 'cases'), // names the cohort, not on it: outside
      stray(2, 'stray-2'), // on no roster: outside
      stray(3, undefined), // no learner: outside
      stray(4, undefined, 'cases'), // no learner, names the cohort: outside
      stray(5, 'other-member', 'cases'), // on another roster, names this cohort: outside
      stray(6, 'other-member-2'), // on another roster, names none: not outside
      stray(7, 'stray-7', 'other'), // names another cohort: not this one's
    ],
    outside: 5,
  };
}

async function fill(s: Storage) {
  const data = caseData();
  await s.importRoster('cases', data.members, '2025-09-01T00:00:00.000Z');
  await s.importRoster(
    'other',
    ['other-member', 'other-member-2'].map((learnerHash) => ({ learnerHash, attrs: {} })),
    '2025-09-01T00:00:00.000Z',
  );
  await s.insertContactEvents(data.events);
  // Events and responses of learners on no roster too: they must count for nobody.
  await s.insertContactEvents(
    data.events.slice(0, 20).map((e, i) => ({ ...e, id: eventId(5000 + i), learnerHash: `stray-${i}` })),
  );
  for (const r of [...data.responses, ...strayResponses().responses]) await s.insert([r]);
  for (const [h, survey] of data.optOuts) await s.setOptOut(h, survey, '2025-12-20T00:00:00.000Z');
}

type Figures = FunnelSteps & { code: DispositionCode };

describe('PostgreSQL rate counts against the JavaScript rules, case by case', () => {
  let dir: string;
  let postgres: Storage;
  let sqlite: Storage;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rate-counts-'));
    const db = await createDatabase(server());
    drop = db.drop;
    postgres = await openStorage(db.url, { poolSize: 2 });
    sqlite = await openStorage(`sqlite:${join(dir, 'cases.sqlite')}`);
    await fill(postgres);
    await fill(sqlite);
  }, 120_000);

  afterAll(async () => {
    await postgres?.close();
    await sqlite?.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Per case, what the JavaScript rules give over memberFacts and what rateCounts gives in SQL. */
  async function bothWays(wave: string) {
    const query: WaveQuery = { surveyId: SURVEY, cohortId: 'cases', wave };
    const node = new Map<string, Figures & { rule: DispositionRule }>();
    for await (const facts of postgres.memberFacts(query)) {
      const d = memberDisposition(facts, { wave, schedule: SCHEDULE, partialThreshold: THRESHOLD, at: AT });
      node.set(facts.member.attrs.case, { code: d.code, rule: d.rule, ...memberSteps(facts, d.code) });
    }
    const counts = await postgres.rateCounts?.({
      ...query,
      due: waveDueRule(wave, SCHEDULE),
      at: AT,
      partialThreshold: THRESHOLD,
      by: 'attr_case',
    });
    const sql = new Map<string | null, Figures & { members: number }>();
    for (const { value, ...figures } of counts ?? []) {
      expect(sql.has(value), `two rows for ${value}`).toBe(false);
      sql.set(value, figures);
    }
    return { node, sql };
  }

  let m6: Awaited<ReturnType<typeof bothWays>>;
  let once: Awaited<ReturnType<typeof bothWays>>;
  beforeAll(async () => {
    m6 = await bothWays('m6');
    once = await bothWays('once');
  });

  it('is offered by the PostgreSQL adapter and not by SQLite, which keeps streaming member facts', () => {
    expect(typeof postgres.rateCounts).toBe('function');
    expect(sqlite.rateCounts).toBeUndefined();
  });

  it('reaches every rule of disposition.ts', () => {
    const reached = new Set(CASES.map((c) => (c.wave === 'once' ? once : m6).node.get(c.name)?.rule));
    expect([...reached].sort()).toEqual(
      [
        'complete',
        'partial',
        'not_due',
        'due_unknown',
        'opted_out',
        'dismissed_never',
        'undeliverable',
        'break_off',
        'shown_not_started',
        'completed_without_response',
        'never_shown',
      ].sort(),
    );
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: the same code and funnel steps', (_, c) => {
    const { node, sql } = c.wave === 'once' ? once : m6;
    const js = node.get(c.name);
    expect(js?.rule).toBe(c.rule);
    const { rule: _rule, ...figures } = js as Figures & { rule: DispositionRule };
    expect(sql.get(c.name)).toEqual({ ...figures, members: 1 });
  });

  it.each(['m0', 'm6', 'm12', 'once', 'm24'])(
    'agrees on every member for wave %s (m24: not in the schedule)',
    async (wave) => {
      const { node, sql } = await bothWays(wave);
      expect(sql.size).toBe(CASES.length);
      for (const [name, { rule: _rule, ...figures }] of node)
        expect(sql.get(name), name).toEqual({ ...figures, members: 1 });
    },
  );

  it('counts members without the grouping column as one null group, and everyone without `by`', async () => {
    const query = { surveyId: SURVEY, cohortId: 'cases', wave: 'm6', due: 6, at: AT, partialThreshold: THRESHOLD };
    const byNothing = (await postgres.rateCounts?.({ ...query, by: 'attr_missing' })) ?? [];
    expect(new Set(byNothing.map((r) => r.value))).toEqual(new Set([null]));
    const total = (await postgres.rateCounts?.(query)) ?? [];
    expect(total.reduce((n, r) => n + r.members, 0)).toBe(CASES.length);
    const byCountry = (await postgres.rateCounts?.({ ...query, by: 'country' })) ?? [];
    expect(new Set(byCountry.map((r) => r.value))).toEqual(new Set(['FR']));
  });

  it('counts the responses from outside the roster as SQLite does, with one anti-join each', async () => {
    const q: WaveQuery = { surveyId: SURVEY, cohortId: 'cases', wave: 'm6' };
    expect(await postgres.outsideRoster(q)).toBe(strayResponses().outside);
    expect(await postgres.outsideRoster(q)).toBe(await sqlite.outsideRoster(q));
    const other: WaveQuery = { surveyId: SURVEY, cohortId: 'other', wave: 'm6' };
    expect(await postgres.outsideRoster(other)).toBe(await sqlite.outsideRoster(other));
  });
});
