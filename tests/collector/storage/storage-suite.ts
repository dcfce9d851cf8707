import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../../collector/storage/open-storage.ts';
import type { Storage, StoredResponse } from '../../../collector/storage/storage.ts';
import { describeDenominatorStorage } from './denominator-suite.ts';
import { describeLinkStorage } from './link-spent-suite.ts';
import { makeFullRecord, makeRecord, testId } from './make-record.ts';

/** One empty database for one test, reachable by URL and inspectable beside the adapter. */
export type TestDatabase = {
  url: string;
  rows(table: 'responses' | 'sensitive_answers' | 'migrations' | 'rejections_daily'): Promise<number>;
  /** Runs SQL on the database directly, beside the adapter. */
  exec(sql: string): Promise<void>;
  /** Leaves the database as the first release left it: migration 1 applied and recorded, nothing more. */
  atFirstRelease(): Promise<void>;
  cleanup(): Promise<void>;
};

async function all(storage: Storage, filter = {}): Promise<StoredResponse[]> {
  const out: StoredResponse[] = [];
  for await (const r of storage.responses(filter)) out.push(r);
  return out;
}

/** The behaviour every adapter must have, run unchanged against each. */
export function describeStorage(name: string, freshDatabase: () => Promise<TestDatabase>): void {
  describeDenominatorStorage(name, freshDatabase);
  describeLinkStorage(name, freshDatabase);
  describe(`${name} storage`, () => {
    let db: TestDatabase;
    const opened: Storage[] = [];
    const open = async () => {
      const s = await openStorage(db.url);
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      db = await freshDatabase();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await db.cleanup();
    });

    it('accepts a new id, calls an identical resend a duplicate and a changed one a conflict', async () => {
      const s = await open();
      const original = makeFullRecord();
      expect(await s.insert([original])).toEqual(['accepted']);
      const changed = { ...original, answers: { helped: 1 }, sensitiveAnswers: {}, contentHash: 'other' };
      expect(await s.insert([{ ...original }, changed, makeRecord()])).toEqual(['duplicate', 'conflict', 'accepted']);
      expect(await all(s)).toContainEqual(original);
      expect(await s.count({})).toBe(2);
    });

    it('reports a repeated id within one batch as duplicate or conflict of its first occurrence', async () => {
      const s = await open();
      const r = makeRecord();
      const statuses = await s.insert([r, { ...r }, { ...r, contentHash: 'changed' }]);
      expect(statuses).toEqual(['accepted', 'duplicate', 'conflict']);
      expect(await all(s)).toStrictEqual([r]);
    });

    it('returns each response exactly as inserted, sensitive answers and flags included', async () => {
      const s = await open();
      const full = makeFullRecord({ id: testId(1) });
      const minimal = makeRecord({ id: testId(2), submittedAt: '2026-03-01T10:00:00.5Z' });
      await s.insert([minimal, full]);
      expect(await all(s)).toStrictEqual([full, minimal]);
    });

    it('returns free text with every control character validation lets through exactly as stored', async () => {
      // protocol/string-rules.ts lets free text keep every control but NUL; both databases must keep them alike.
      const controls = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('');
      const comment = `${controls}\u007f\u0085\u2028\uffff💼`;
      const r = makeRecord({ answers: { comment }, sensitiveAnswers: { note: comment } });
      const s = await open();
      await s.insert([r]);
      expect(await all(s)).toStrictEqual([r]);
    });

    it('keeps sensitive answers in their own table', async () => {
      const s = await open();
      await s.insert([makeFullRecord(), makeRecord()]);
      expect(await db.rows('responses')).toBe(2);
      expect(await db.rows('sensitive_answers')).toBe(2);
    });

    it('orders by instant then id, whatever the precision of the timestamps', async () => {
      const s = await open();
      const records = [
        makeRecord({ id: testId(10), submittedAt: '2026-03-01T10:00:00.5Z' }),
        makeRecord({ id: testId(11), submittedAt: '2026-03-01T10:00:00Z' }),
        makeRecord({ id: testId(12), submittedAt: '2026-03-01T09:59:59.999999Z' }),
        makeRecord({ id: testId(13), submittedAt: '2026-03-01T10:00:00.000Z' }),
        makeRecord({ id: testId(14), submittedAt: '2026-02-28T23:00:00Z' }),
      ];
      await s.insert(records);
      expect((await all(s)).map((r) => r.id)).toEqual([14, 12, 11, 13, 10].map(testId));
    });

    describe('filters', () => {
      const records = [
        makeRecord({
          id: testId(101),
          surveyId: 'a',
          surveyVersion: 1,
          country: 'FR',
          submittedAt: '2026-01-01T00:00:00Z',
          context: { courseId: 'web-dev', pathId: 'evening', wave: 'm6' },
        }),
        makeRecord({
          id: testId(102),
          surveyId: 'a',
          surveyVersion: 2,
          country: 'DE',
          submittedAt: '2026-02-01T00:00:00Z',
          context: { courseId: 'web-dev' },
        }),
        makeRecord({
          id: testId(103),
          surveyId: 'b',
          surveyVersion: 1,
          submittedAt: '2026-02-01T00:00:00.001Z',
          // Same text in another key: only context.courseId may match a course.
          context: { pathId: 'web-dev' },
        }),
        makeRecord({
          id: testId(104),
          surveyId: 'a',
          surveyVersion: 1,
          country: 'FR',
          submittedAt: '2026-03-01T00:00:00Z',
        }),
      ];
      it.each([
        { filter: {}, ids: [101, 102, 103, 104] },
        { filter: { surveyId: 'a' }, ids: [101, 102, 104] },
        { filter: { surveyId: 'a', surveyVersion: 1 }, ids: [101, 104] },
        { filter: { country: 'FR' }, ids: [101, 104] },
        { filter: { from: '2026-02-01T00:00:00Z' }, ids: [102, 103, 104] },
        { filter: { to: '2026-02-01T00:00:00.001Z' }, ids: [101, 102] },
        { filter: { from: '2026-02-01', to: '2026-03-01T00:00:00Z' }, ids: [102, 103] },
        { filter: { surveyId: 'b', country: 'FR' }, ids: [] },
        { filter: { courseId: 'web-dev' }, ids: [101, 102] },
        { filter: { courseId: 'web-dev', pathId: 'evening' }, ids: [101] },
        { filter: { pathId: 'web-dev' }, ids: [103] },
        { filter: { surveyId: 'a', surveyVersion: 2, courseId: 'web-dev' }, ids: [102] },
        { filter: { courseId: 'Web-Dev' }, ids: [] },
        { filter: { courseId: "web-dev' OR 1=1 --" }, ids: [] },
      ])('selects $ids for $filter', async ({ filter, ids }) => {
        const s = await open();
        await s.insert(records);
        expect((await all(s, filter)).map((r) => r.id)).toEqual(ids.map(testId));
        expect(await s.count(filter)).toBe(ids.length);
      });

      it('names the filter that is not a timestamp', async () => {
        const s = await open();
        await expect(s.count({ from: 'yesterday' })).rejects.toThrow(/filter "from".*ISO 8601/);
      });
    });

    it('streams thousands of rows across pages in order, each once, while inserts go on', async () => {
      const s = await open();
      const total = 2500;
      for (let start = 0; start < total; start += 500) {
        const batch = Array.from({ length: 500 }, (_, i) => {
          const n = start + i;
          return makeRecord({
            id: testId(total - n),
            submittedAt: `2026-01-01T00:${String(n % 60).padStart(2, '0')}:00Z`,
          });
        });
        await s.insert(batch);
      }
      const seen: StoredResponse[] = [];
      for await (const r of s.responses({ surveyId: 'career-outcomes' })) {
        seen.push(r);
        // Written mid-stream with another survey id: must neither fail nor appear.
        if (seen.length === 1500) await s.insert([makeRecord({ surveyId: 'other' })]);
      }
      expect(seen).toHaveLength(total);
      expect(new Set(seen.map((r) => r.id)).size).toBe(total);
      const keys = seen.map((r) => `${r.submittedAt}|${r.id}`);
      expect(keys).toEqual([...keys].sort());
    });

    it('erases one learner from both tables and leaves the others', async () => {
      const s = await open();
      await s.insert([
        makeFullRecord({ learnerHash: 'gone' }),
        makeFullRecord({ id: testId(), learnerHash: 'gone' }),
        makeFullRecord({ id: testId(), learnerHash: 'kept' }),
      ]);
      expect(await s.eraseLearner('gone')).toBe(2);
      expect(await s.eraseLearner('gone')).toBe(0);
      expect((await all(s)).map((r) => r.learnerHash)).toEqual(['kept']);
      expect(await db.rows('responses')).toBe(1);
      expect(await db.rows('sensitive_answers')).toBe(1);
    });

    it.each([
      { groups: undefined, case: 'absent' },
      { groups: [], case: 'empty' },
      { groups: ['ethnicity'], case: 'one group' },
      { groups: ['ethnicity', 'religion'], case: 'two groups' },
    ])('keeps consent.groups as sent ($case)', async ({ groups }) => {
      const s = await open();
      const consent =
        groups === undefined
          ? { sensitive: true, version: '2026-01' }
          : { sensitive: true, version: '2026-01', groups };
      const record = makeFullRecord({ consent });
      await s.insert([record]);
      expect(await all(s)).toStrictEqual([record]);
    });

    describe('purgeSubmittedBefore', () => {
      const CUTOFF = '2024-03-01T00:00:00Z';
      const at = (submittedAt: string, receivedAt: string, n: number) =>
        makeFullRecord({ id: testId(200 + n), learnerHash: `lh-${n}`, submittedAt, receivedAt });

      it('deletes responses submitted before the cutoff from both tables and keeps the rest', async () => {
        const s = await open();
        await s.insert([
          at('2022-01-01T00:00:00Z', '2022-01-01T00:00:01.000Z', 1),
          at('2024-02-29T23:59:59.999Z', '2024-03-01T00:00:01.000Z', 2), // sent late: the answer's age counts
          at('2024-03-01T00:00:00Z', '2024-03-01T00:00:01.000Z', 3), // exactly at the cutoff: kept
          at('2024-03-01T00:00:00.5Z', '2024-03-01T00:00:01.000Z', 4),
          at('2026-01-01T00:00:00Z', '2026-01-01T00:00:01.000Z', 5),
        ]);
        expect(await s.purgeSubmittedBefore(CUTOFF)).toBe(2);
        expect((await all(s)).map((r) => r.id)).toEqual([3, 4, 5].map((n) => testId(200 + n)));
        expect(await db.rows('responses')).toBe(3);
        expect(await db.rows('sensitive_answers')).toBe(3);
        expect(await s.purgeSubmittedBefore(CUTOFF)).toBe(0);
      });

      it('deletes a response received before the cutoff even when the device clock ran ahead', async () => {
        const s = await open();
        await s.insert([
          at('2099-01-01T00:00:00Z', '2023-06-01T00:00:00.000Z', 1),
          at('2099-01-01T00:00:00Z', '2024-06-01T00:00:00.000Z', 2),
        ]);
        expect(await s.purgeSubmittedBefore(CUTOFF)).toBe(1);
        expect((await all(s)).map((r) => r.id)).toEqual([testId(202)]);
        expect(await db.rows('sensitive_answers')).toBe(1);
      });

      it('deletes more responses than one batch holds, each once', async () => {
        const s = await open();
        const old = Array.from({ length: 2100 }, () =>
          makeRecord({ submittedAt: '2023-01-01T00:00:00Z', receivedAt: '2023-01-01T00:00:00.000Z' }),
        );
        for (let i = 0; i < old.length; i += 500) await s.insert(old.slice(i, i + 500));
        await s.insert([makeRecord({ submittedAt: '2025-01-01T00:00:00Z', receivedAt: '2025-01-01T00:00:00.000Z' })]);
        expect(await s.purgeSubmittedBefore(CUTOFF)).toBe(2100);
        expect(await s.count({})).toBe(1);
        expect(await db.rows('sensitive_answers')).toBe(1);
      });

      it('names the cutoff when it is not a timestamp', async () => {
        const s = await open();
        await expect(s.purgeSubmittedBefore('two years ago')).rejects.toThrow(/purge cutoff: expected an ISO 8601/);
      });
    });

    it('upgrades a database the first release made, keeping its rows', async () => {
      await db.atFirstRelease();
      // consent_sensitive as '0': SQLite's STRICT integer and PostgreSQL's boolean both accept it.
      await db.exec(`INSERT INTO responses (id, survey_id, survey_version, submitted_at, submitted_sent, received_at,
        locale, consent_sensitive, consent_version, answers, flags, content_hash, site_key) VALUES ('${testId(300)}',
        'career-outcomes', 1, '2026-03-01T10:00:00.000000000Z', '2026-03-01T10:00:00Z', '2026-03-01T10:00:05.000Z',
        'fr', '0', 'c1', '{}', '{}', 'h', 'site-a')`);
      const s = await open();
      const [old] = await all(s);
      expect(old.consent).toStrictEqual({ sensitive: false, version: 'c1' });
      const record = makeFullRecord({ consent: { sensitive: true, version: '2', groups: ['ethnicity'] } });
      await s.insert([record]);
      expect(await all(s)).toContainEqual(record);
    });

    it('keeps whether each learnerRef was signed, and calls every ref stored before signatures unchecked', async () => {
      await db.atFirstRelease();
      await db.exec(`INSERT INTO responses (id, survey_id, survey_version, submitted_at, submitted_sent, received_at,
        locale, consent_sensitive, consent_version, learner_hash, answers, flags, content_hash, site_key) VALUES
        ('${testId(301)}', 'career-outcomes', 1, '2026-03-01T10:00:00.000000000Z', '2026-03-01T10:00:00Z',
        '2026-03-01T10:00:05.000Z', 'fr', '0', 'c1', 'lh-old', '{}', '{}', 'h', 'site-a')`);
      const s = await open();
      const unverified = makeRecord({ id: testId(302), learnerRefStatus: 'unverified' });
      const unchecked = makeRecord({ id: testId(303), learnerHash: 'lh-new', learnerRefStatus: 'unchecked' });
      const none = makeRecord({ id: testId(304) });
      await s.insert([unverified, unchecked, none]);
      const byId = new Map((await all(s)).map((r) => [r.id, r]));
      expect(byId.get(testId(301))).toMatchObject({ learnerHash: 'lh-old', learnerRefStatus: 'unchecked' });
      expect(byId.get(testId(302))).toStrictEqual(unverified);
      expect(byId.get(testId(303))).toStrictEqual(unchecked);
      expect(byId.get(testId(304))).toStrictEqual(none);
    });

    it('runs migrations once however often and from however many instances it starts', async () => {
      const [a, b] = await Promise.all([open(), open()]);
      await a.migrate();
      await a.insert([makeRecord()]);
      await b.migrate();
      const migrations = await db.rows('migrations');
      await (await open()).migrate();
      expect(await db.rows('migrations')).toBe(migrations);
      expect(await b.count({})).toBe(1);
    });

    it('stores each id once when two instances insert the same batch at the same time', async () => {
      const [a, b] = await Promise.all([open(), open()]);
      const batch = Array.from({ length: 200 }, () => makeFullRecord({ id: testId() }));
      const [fromA, fromB] = await Promise.all([a.insert(batch), b.insert([...batch].reverse())]);
      fromB.reverse();
      batch.forEach((_, i) => {
        expect([fromA[i], fromB[i]].sort()).toEqual(['accepted', 'duplicate']);
      });
      expect(await a.count({})).toBe(200);
      expect(await db.rows('sensitive_answers')).toBe(200);
    });

    describe('concurrent inserts (group commit)', () => {
      it('stores every request of a burst and tells each request its own statuses, in order', async () => {
        const s = await open();
        const stored = makeRecord();
        await s.insert([stored]);
        const requests = Array.from({ length: 6 }, (_, i) =>
          i === 3 ? [{ ...stored }, makeRecord()] : [makeRecord(), makeRecord()],
        );
        const statuses = await Promise.all(requests.map((batch) => s.insert(batch)));
        expect(statuses).toEqual(
          requests.map((_, i) => (i === 3 ? ['duplicate', 'accepted'] : ['accepted', 'accepted'])),
        );
        expect(await s.count({})).toBe(12);
      });

      it("never fails a request for another request's rows that the database refuses", async () => {
        const s = await open();
        const good = [makeRecord(), makeRecord()];
        const other = [makeRecord()];
        // Valid enough to reach the adapter, refused while writing: the whole transaction it is in fails.
        const bad = [makeRecord(), makeRecord({ submittedAt: 'not a timestamp' })];
        const [a, b, c] = await Promise.allSettled([s.insert(good), s.insert(bad), s.insert(other)]);
        expect(a).toEqual({ status: 'fulfilled', value: ['accepted', 'accepted'] });
        expect(c).toEqual({ status: 'fulfilled', value: ['accepted'] });
        expect(b.status).toBe('rejected');
        expect(String((b as PromiseRejectedResult).reason)).toMatch(/submittedAt.*not a timestamp/);
        // The bad request's valid row went back with it: the client resends the whole batch.
        expect((await all(s)).map((r) => r.id).sort()).toEqual([...good, ...other].map((r) => r.id).sort());
        expect(await db.rows('sensitive_answers')).toBe(3);
      });
    });

    it('remembers an opt-out per learner and survey', async () => {
      const s = await open();
      expect(await s.optedOut('lh', 'career-outcomes')).toBe(false);
      await s.setOptOut('lh', 'career-outcomes', '2026-03-01T00:00:00Z');
      await s.setOptOut('lh', 'career-outcomes', '2026-03-02T00:00:00Z');
      expect(await s.optedOut('lh', 'career-outcomes')).toBe(true);
      expect(await s.optedOut('lh', 'other')).toBe(false);
      expect(await s.optedOut('other', 'career-outcomes')).toBe(false);
    });

    it('lists the waves a learner answered for a survey, each once', async () => {
      const s = await open();
      await s.insert([
        makeRecord({ learnerHash: 'lh', context: { wave: '6m' } }),
        makeRecord({ learnerHash: 'lh', context: { wave: '12m' } }),
        makeRecord({ learnerHash: 'lh', context: { wave: '6m' } }),
        makeRecord({ learnerHash: 'lh', context: { courseId: 'c' } }),
        makeRecord({ learnerHash: 'lh', surveyId: 'other', context: { wave: '24m' } }),
        makeRecord({ learnerHash: 'someone-else', context: { wave: '24m' } }),
      ]);
      expect(await s.answeredWaves('lh', 'career-outcomes')).toEqual(['12m', '6m']);
      expect(await s.answeredWaves('nobody', 'career-outcomes')).toEqual([]);
    });

    describe('rejection counts', () => {
      it('adds to the counts of a day, site key and reason, skipping zeros', async () => {
        const s = await open();
        await s.countRejections('2026-03-02', 'site-b', { conflict: 1 });
        await s.countRejections('2026-03-01', 'site-a', { invalid_shape: 2, unknown_survey: 1, conflict: 0 });
        await s.countRejections('2026-03-01', 'site-a', { invalid_shape: 3 });
        expect(await s.rejectionsByDay()).toEqual([
          { day: '2026-03-01', siteKey: 'site-a', reason: 'invalid_shape', count: 5 },
          { day: '2026-03-01', siteKey: 'site-a', reason: 'unknown_survey', count: 1 },
          { day: '2026-03-02', siteKey: 'site-b', reason: 'conflict', count: 1 },
        ]);
        expect(await db.rows('rejections_daily')).toBe(3);
      });

      it.each([
        { from: undefined, to: undefined, days: ['2026-02-28', '2026-03-01', '2026-03-31'] },
        { from: '2026-03-01', to: undefined, days: ['2026-03-01', '2026-03-31'] },
        { from: undefined, to: '2026-03-31', days: ['2026-02-28', '2026-03-01'] },
        { from: '2026-03-01', to: '2026-03-02', days: ['2026-03-01'] },
      ])('selects $days from $from (inclusive) to $to (exclusive)', async ({ from, to, days }) => {
        const s = await open();
        for (const day of ['2026-03-31', '2026-02-28', '2026-03-01'])
          await s.countRejections(day, 'k', { conflict: 1 });
        expect((await s.rejectionsByDay(from, to)).map((r) => r.day)).toEqual(days);
      });

      it('loses no increment when two instances count the same day at once', async () => {
        const [a, b] = await Promise.all([open(), open()]);
        await Promise.all(
          Array.from({ length: 40 }, (_, i) =>
            (i % 2 ? a : b).countRejections('2026-03-01', 'k', { invalid_shape: 1, answer_invalid: 2 }),
          ),
        );
        expect((await a.rejectionsByDay()).map((r) => [r.reason, r.count])).toEqual([
          ['answer_invalid', 80],
          ['invalid_shape', 40],
        ]);
      });

      it.each([
        [
          'a day that is not YYYY-MM-DD',
          (s: Storage) => s.countRejections('2026-3-1', 'k', { conflict: 1 }),
          /day must be a day as YYYY-MM-DD/,
        ],
        [
          'a count that is not a whole number',
          (s: Storage) => s.countRejections('2026-03-01', 'k', { conflict: 1.5 }),
          /count for "conflict"/,
        ],
        ['a range bound that is not a day', (s: Storage) => s.rejectionsByDay('yesterday'), /from must be a day/],
      ])('names %s', async (_case, call, message) => {
        const s = await open();
        await expect(call(s)).rejects.toThrow(message);
      });
    });

    it('answers ping while open and not after close', async () => {
      const s = await open();
      expect(await s.ping()).toBe(true);
      await s.close();
      expect(await s.ping()).toBe(false);
    });
  });
}
