import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactAttempts } from '../../../collector/invitations/contact-attempts.ts';
import type { MemberFacts, StoredContactEvent, StoredMember } from '../../../collector/storage/denominator-storage.ts';
import { MEMBER_PAGE } from '../../../collector/storage/member-facts-page.ts';
import { openStorage } from '../../../collector/storage/open-storage.ts';
import type { Storage, StoredResponse } from '../../../collector/storage/storage.ts';
import { makeRecord, testId } from './make-record.ts';
import type { TestDatabase } from './storage-suite.ts';

// Issue 16: rosters, contact events, the facts a disposition is computed from, and the revision rule of partial
// responses, run unchanged on every adapter so SQLite and PostgreSQL cannot drift apart.

const AT = '2026-06-01T09:00:00.000Z';
const WAVE = { surveyId: 'career-outcomes', cohortId: 'c-2026-05', wave: 'm0' };

const member = (learnerHash: string, extra: Partial<StoredMember> = {}): StoredMember => ({
  learnerHash,
  completedAt: '2026-05-20',
  country: 'FR',
  attrs: { funding: 'public_jobseeker' },
  ...extra,
});

let eventCounter = 0;
function event(
  learnerHash: string | undefined,
  kind: StoredContactEvent['kind'],
  extra: Partial<StoredContactEvent> = {},
) {
  eventCounter++;
  const e: StoredContactEvent = {
    id: `00000000-0000-7000-9000-${eventCounter.toString(16).padStart(12, '0')}`,
    kind,
    surveyId: 'career-outcomes',
    surveyVersion: 1,
    at: `2026-06-01T10:${String(eventCounter % 60).padStart(2, '0')}:00.000Z`,
    context: { trigger: 'delay:0', wave: 'm0' },
    receivedAt: '2026-06-01T11:00:00.000Z',
    siteKey: 'site-a',
    contentHash: `event-${eventCounter}`,
    ...extra,
  };
  if (learnerHash !== undefined) e.learnerHash = learnerHash;
  return e;
}

const response = (learnerHash: string | undefined, extra: Partial<StoredResponse> = {}) =>
  makeRecord({
    ...(learnerHash !== undefined ? { learnerHash } : {}),
    context: { trigger: 'delay:0', wave: 'm0' },
    answers: { situation: 'employed', helped: 4 },
    ...extra,
  });

async function facts(s: Storage, query = WAVE): Promise<MemberFacts[]> {
  const out: MemberFacts[] = [];
  for await (const f of s.memberFacts(query)) out.push(f);
  return out;
}

export function describeDenominatorStorage(name: string, freshDatabase: () => Promise<TestDatabase>): void {
  describe(`${name} storage: rosters, contact events, revision rule`, () => {
    let db: TestDatabase;
    let s: Storage;

    beforeEach(async () => {
      db = await freshDatabase();
      s = await openStorage(db.url);
    });
    afterEach(async () => {
      await s.close();
      await db.cleanup();
    });

    describe('rosters', () => {
      it('imports a cohort, lists it with its member count, and records nothing for the same file again', async () => {
        const first = await s.importRoster('c-2026-05', [member('h1'), member('h2')], AT);
        expect(first).toMatchObject({ cohortId: 'c-2026-05', members: 2, added: 2, removed: 0, changed: 0 });
        expect(first.changeId).toBeDefined();
        const again = await s.importRoster('c-2026-05', [member('h2'), member('h1')], '2026-06-02T09:00:00.000Z');
        expect(again).toEqual({ cohortId: 'c-2026-05', members: 2, added: 0, removed: 0, changed: 0 });
        expect(await s.cohorts()).toEqual([{ id: 'c-2026-05', members: 2, createdAt: AT, updatedAt: AT, imports: 1 }]);
      });

      it('applies a changed file: adds, removes and updates members, with a dated change record', async () => {
        await s.importRoster('c-2026-05', [member('h1'), member('h2')], AT);
        const later = '2026-07-01T09:00:00.000Z';
        const changed = await s.importRoster('c-2026-05', [member('h1', { country: 'GB' }), member('h3')], later);
        expect(changed).toMatchObject({ members: 2, added: 1, removed: 1, changed: 1 });
        expect(await s.cohorts()).toEqual([
          { id: 'c-2026-05', members: 2, createdAt: AT, updatedAt: later, imports: 2 },
        ]);
        const got = await facts(s);
        expect(got.map((f) => [f.member.learnerHash, f.member.country])).toEqual([
          ['h1', 'GB'],
          ['h3', 'FR'],
        ]);
        expect(got[0].member).toEqual({
          learnerHash: 'h1',
          completedAt: '2026-05-20',
          country: 'GB',
          attrs: { funding: 'public_jobseeker' },
        });
      });

      it('keeps cohorts apart and orders them by id', async () => {
        await s.importRoster('b-cohort', [member('h1')], AT);
        await s.importRoster('a-cohort', [member('h1'), member('h2'), member('h3')], AT);
        expect((await s.cohorts()).map((c) => [c.id, c.members])).toEqual([
          ['a-cohort', 3],
          ['b-cohort', 1],
        ]);
      });

      it('erases a learner from every roster with their responses', async () => {
        await s.importRoster('c-2026-05', [member('h1'), member('h2')], AT);
        await s.importRoster('c-other', [member('h1')], AT);
        await s.insert([response('h1')]);
        await s.insertContactEvents([event('h1', 'shown'), event('h2', 'shown')]);
        expect(await s.eraseLearner('h1')).toBe(1);
        expect((await s.cohorts()).map((c) => [c.id, c.members])).toEqual([
          ['c-2026-05', 1],
          ['c-other', 0],
        ]);
        const got = await facts(s);
        expect(got.map((f) => f.member.learnerHash)).toEqual(['h2']);
        expect(got[0].events).toHaveLength(1);
      });

      it(`streams a cohort's members with their roster columns, over more than one page (${MEMBER_PAGE}), by hash`, async () => {
        const hashes = Array.from({ length: MEMBER_PAGE + 3 }, (_, i) => `h${String(i).padStart(5, '0')}`);
        const columns = { enrolledAt: '2026-01-05', courseId: 'web-dev', pathId: 'p-12', attrs: { funding: 'cpf' } };
        await s.importRoster('c-2026-05', hashes.map((h) => member(h, h === hashes[1] ? columns : {})).reverse(), AT);
        await s.importRoster('c-other', [member('h-elsewhere')], AT);
        const got: StoredMember[] = [];
        for await (const m of s.rosterMembers('c-2026-05')) got.push(m);
        expect(got.map((m) => m.learnerHash)).toEqual(hashes);
        expect(got[1]).toEqual({ ...member(hashes[1]), ...columns });
        expect(got[0]).toEqual(member(hashes[0]));
        const none: StoredMember[] = [];
        for await (const m of s.rosterMembers('c-unknown')) none.push(m);
        expect(none).toEqual([]);
      });
    });

    describe('contact events', () => {
      it('accepts new ids, calls an identical resend a duplicate and a changed one a conflict', async () => {
        const shown = event('h1', 'shown');
        expect(await s.insertContactEvents([shown])).toEqual(['accepted']);
        const started = event('h1', 'started');
        expect(await s.insertContactEvents([{ ...shown }, { ...shown, contentHash: 'other' }, started])).toEqual([
          'duplicate',
          'conflict',
          'accepted',
        ]);
        expect(await s.insertContactEvents([])).toEqual([]);
      });

      it('gives back the collector’s own attempts (invited, reminded, undeliverable) in the member’s facts', async () => {
        await s.importRoster('c-2026-05', [member('h1'), member('h2')], AT);
        const target = { ...WAVE, surveyVersion: 1 };
        const invited = contactAttempts(target, 'invited', ['h1', 'h2'], new Date('2026-06-02T08:00:00Z'));
        const reminded = contactAttempts(target, 'reminded', ['h1'], new Date('2026-06-10T08:00:00Z'));
        const refused = contactAttempts(target, 'undeliverable', ['h2'], new Date('2026-06-02T08:00:01Z'));
        const other = contactAttempts({ ...target, wave: 'm6' }, 'invited', ['h1'], new Date('2026-06-03T08:00:00Z'));
        expect(await s.insertContactEvents([...invited, ...reminded, ...refused, ...other])).toEqual(
          Array(5).fill('accepted'),
        );
        // The same attempts again (a retried write) change nothing.
        expect(await s.insertContactEvents(invited)).toEqual(['duplicate', 'duplicate']);
        const [h1, h2] = await facts(s);
        expect(h1.events).toEqual([
          { kind: 'invited', at: '2026-06-02T08:00:00.000Z' },
          { kind: 'reminded', at: '2026-06-10T08:00:00.000Z' },
        ]);
        expect(h2.events.map((e) => e.kind)).toEqual(['invited', 'undeliverable']);
        expect((await facts(s, { ...WAVE, wave: 'm6' }))[0].events.map((e) => e.kind)).toEqual(['invited']);
      });

      it('purges contact events past retention with the responses', async () => {
        await s.importRoster('c-2026-05', [member('h1')], AT);
        const old = event('h1', 'shown', { at: '2024-01-01T00:00:00.000Z', receivedAt: '2024-01-01T00:00:01.000Z' });
        const recent = event('h1', 'started');
        await s.insertContactEvents([old, recent]);
        await s.purgeSubmittedBefore('2025-01-01T00:00:00.000Z');
        expect((await facts(s))[0].events.map((e) => e.kind)).toEqual(['started']);
        // The purged id may come again from a device's late resend; it is stored as new, not lost as a conflict.
        expect(await s.insertContactEvents([recent])).toEqual(['duplicate']);
      });
    });

    describe('member facts', () => {
      it('gives each member its events of the survey and wave in order, its kept response, asked and opt-out', async () => {
        await s.importRoster('c-2026-05', [member('h1'), member('h2'), member('h3')], AT);
        await s.insertContactEvents([
          event('h1', 'shown'),
          event('h1', 'started'),
          event('h1', 'progress', { answered: 1, asked: 6 }),
          event('h1', 'progress', { answered: 2, asked: 7 }),
          event('h1', 'completed'),
          event('h1', 'shown', { context: { trigger: 'delay:0', wave: 'm6' } }),
          event('h1', 'shown', { surveyId: 'other-survey' }),
          event('h2', 'shown'),
          event('h2', 'dismissed', { reason: 'never' }),
        ]);
        await s.insert([response('h1'), response('h1', { context: { trigger: 'delay:0', wave: 'm6' } })]);
        await s.setOptOut('h2', 'career-outcomes', AT);
        const [h1, h2, h3] = await facts(s);
        expect(h1.events.map((e) => e.kind)).toEqual(['shown', 'started', 'progress', 'progress', 'completed']);
        expect(h1.events[3]).toEqual({ kind: 'progress', at: expect.any(String), answered: 2, asked: 7 });
        expect(h1.response).toEqual({ id: expect.any(String), status: 'complete', answered: 2, asked: 7 });
        expect(h1.optedOut).toBe(false);
        expect(h2.events.map((e) => [e.kind, e.reason])).toEqual([
          ['shown', undefined],
          ['dismissed', 'never'],
        ]);
        expect(h2.response).toBeUndefined();
        expect(h2.optedOut).toBe(true);
        expect(h3).toEqual({ member: member('h3'), events: [], optedOut: false });
      });

      it('counts a prompt sent with no wave (outside the schedule) as the wave "once"', async () => {
        await s.importRoster('c-2026-05', [member('h1')], AT);
        const noWave = { context: { trigger: 'delay:0' } };
        await s.insertContactEvents([event('h1', 'shown', noWave), event('h1', 'completed', noWave)]);
        await s.insert([response('h1', noWave), response('stranger', noWave)]);
        const once = { ...WAVE, wave: 'once' };
        const [h1] = await facts(s, once);
        expect(h1.events.map((e) => e.kind)).toEqual(['shown', 'completed']);
        expect(h1.response?.status).toBe('complete');
        expect(await s.outsideRoster(once)).toBe(1);
        expect((await facts(s))[0].events).toEqual([]);
      });

      it(`streams every member of a cohort larger than one page (${MEMBER_PAGE}) once, ordered by hash`, async () => {
        const hashes = Array.from({ length: MEMBER_PAGE + 7 }, (_, i) => `h${String(i).padStart(5, '0')}`);
        await s.importRoster('c-2026-05', hashes.map((h) => member(h)).reverse(), AT);
        await s.insertContactEvents([event(hashes[MEMBER_PAGE + 3], 'shown')]);
        const got = await facts(s);
        expect(got.map((f) => f.member.learnerHash)).toEqual(hashes);
        expect(got[MEMBER_PAGE + 3].events).toHaveLength(1);
      });

      it("counts the survey's contact events of one kind in [from, to), in the database", async () => {
        await s.insertContactEvents([
          event('h1', 'shown', { at: '2025-12-31T23:59:59.999Z' }), // before from
          event('h1', 'shown', { at: '2026-01-01T00:00:00Z' }), // from itself: counted
          event('h2', 'shown', { at: '2026-06-01T12:00:00.5Z' }),
          event(undefined, 'shown', { at: '2026-12-31T23:59:59.999999Z' }), // no learner: still a display
          event('h2', 'shown', { at: '2027-01-01T00:00:00.000Z' }), // to itself: left out
          event('h2', 'shown', { at: '2026-06-01T12:00:00Z', surveyId: 'other-survey' }),
          event('h2', 'completed', { at: '2026-06-01T12:00:00Z' }),
        ]);
        const year = { surveyId: 'career-outcomes', from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };
        expect(await s.countContactEvents({ ...year, kind: 'shown' })).toBe(3);
        expect(await s.countContactEvents({ ...year, kind: 'completed' })).toBe(1);
        expect(await s.countContactEvents({ ...year, kind: 'shown', surveyId: 'nothing' })).toBe(0);
      });

      it('counts apart the responses from learners outside the roster, never as members', async () => {
        await s.importRoster('c-2026-05', [member('h1')], AT);
        await s.importRoster('c-other', [member('h9')], AT);
        await s.insert([
          response('h1'),
          response('stranger'),
          response(undefined),
          response('h9'),
          response('stranger2', { context: { trigger: 'delay:0', wave: 'm0', cohort: 'c-2026-05' } }),
          response('h9', { context: { trigger: 'delay:0', wave: 'm0', cohort: 'c-2026-05' } }),
          response('stranger3', { context: { trigger: 'delay:0', wave: 'm6' } }),
        ]);
        // stranger, no learner, stranger2 and h9 naming this cohort; h9 without a cohort is on another roster.
        expect(await s.outsideRoster(WAVE)).toBe(4);
        expect((await facts(s)).map((f) => f.member.learnerHash)).toEqual(['h1']);
      });
    });

    describe('revision rule of partial responses', () => {
      const partial = (extra: Partial<StoredResponse> = {}) =>
        response('h1', { status: 'partial', answers: { situation: 'employed' }, contentHash: 'partial', ...extra });

      it('replaces a partial by the completion under the same id: one record, complete', async () => {
        const p = partial();
        expect(await s.insert([p])).toEqual(['accepted']);
        const complete = { ...p, status: undefined, answers: { situation: 'employed', helped: 4 }, contentHash: 'c' };
        delete complete.status;
        expect(await s.insert([complete])).toEqual(['accepted']);
        const stored = [];
        for await (const r of s.responses({})) stored.push(r);
        expect(stored).toHaveLength(1);
        expect(stored[0].status).toBeUndefined();
        expect(stored[0].answers).toEqual({ situation: 'employed', helped: 4 });
        // A late resend of the partial changes nothing.
        expect(await s.insert([p])).toEqual(['duplicate']);
        expect(await s.count({})).toBe(1);
      });

      it('replaces a partial by a completion of the same learner, survey and wave under another id', async () => {
        await s.importRoster('c-2026-05', [member('h1')], AT);
        const p = partial();
        await s.insert([p]);
        const complete = response('h1', { contentHash: 'c' });
        expect(await s.insert([complete])).toEqual(['accepted']);
        expect(await s.count({})).toBe(1);
        expect((await facts(s))[0].response).toMatchObject({ id: complete.id, status: 'complete', answered: 2 });
        expect(await s.insert([p])).toEqual(['duplicate']);
        expect(await s.count({})).toBe(1);
      });

      it('drops a partial that comes after a completion, acking it duplicate', async () => {
        const complete = response('h1');
        await s.insert([complete]);
        expect(await s.insert([partial({ id: testId() })])).toEqual(['duplicate']);
        expect(await s.count({})).toBe(1);
      });

      it('keeps the partial with more answers, and the first of two with as many', async () => {
        const first = partial();
        await s.insert([first]);
        const fewer = partial({ id: testId(), answers: {}, contentHash: 'p0' });
        expect(await s.insert([fewer])).toEqual(['duplicate']);
        const more = partial({ id: testId(), answers: { situation: 'employed', helped: 3 }, contentHash: 'p2' });
        expect(await s.insert([more])).toEqual(['accepted']);
        const stored = [];
        for await (const r of s.responses({})) stored.push(r);
        expect(stored.map((r) => [r.id, r.status])).toEqual([[more.id, 'partial']]);
      });

      it('keeps two completions of one learner and wave, as before partial responses existed', async () => {
        expect(await s.insert([response('h1'), response('h1', { contentHash: 'x' })])).toEqual([
          'accepted',
          'accepted',
        ]);
        expect(await s.count({})).toBe(2);
      });
    });
  });
}
