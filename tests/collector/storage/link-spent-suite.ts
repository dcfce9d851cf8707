import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../../collector/storage/open-storage.ts';
import type { Storage, StoredResponse } from '../../../collector/storage/storage.ts';
import { makeRecord, testId } from './make-record.ts';
import type { TestDatabase } from './storage-suite.ts';

// Issue 17: a personal link is spent by its first complete response. The rule sits in the revision rule, inside the
// insert transaction, so two devices finishing the same link at once store exactly one complete on every adapter.

const viaLink = (extra: Partial<StoredResponse> = {}) =>
  makeRecord({
    learnerHash: 'h-link',
    learnerRefStatus: 'verified',
    context: { trigger: 'link', wave: 'm6', cohort: 'c-2026' },
    answers: { situation: 'employed' },
    ...extra,
  });
const partial = (extra: Partial<StoredResponse> = {}) => viaLink({ status: 'partial', contentHash: 'p', ...extra });

export function describeLinkStorage(name: string, freshDatabase: () => Promise<TestDatabase>): void {
  describe(`${name} storage: personal links`, () => {
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

    it('refuses a second complete through a link under another id, and keeps the first alone', async () => {
      const first = viaLink();
      expect(await s.insert([first])).toEqual(['accepted']);
      expect(await s.insert([viaLink({ id: testId(), contentHash: 'other' })])).toEqual(['spent']);
      expect(await s.count({})).toBe(1);
      // A resend of the first stays a duplicate, never "spent".
      expect(await s.insert([first])).toEqual(['duplicate']);
    });

    it('refuses the second of two completes in one batch', async () => {
      expect(await s.insert([viaLink(), viaLink({ id: testId(), contentHash: 'b' })])).toEqual(['accepted', 'spent']);
      expect(await s.count({})).toBe(1);
    });

    it('lets a complete through a link replace its partial, then spends the link', async () => {
      const p = partial();
      expect(await s.insert([p])).toEqual(['accepted']);
      expect(await s.completedWave('h-link', 'career-outcomes', 'm6')).toBe(false);
      expect(await s.insert([viaLink({ id: testId(), contentHash: 'c' })])).toEqual(['accepted']);
      expect(await s.completedWave('h-link', 'career-outcomes', 'm6')).toBe(true);
      expect(await s.insert([viaLink({ id: testId(), contentHash: 'd' })])).toEqual(['spent']);
      expect(await s.count({})).toBe(1);
    });

    it('spends a link with an in-course complete of the same learner and wave too', async () => {
      const inCourse = makeRecord({ learnerHash: 'h-link', context: { trigger: 'delay:0', wave: 'm6' } });
      await s.insert([inCourse]);
      expect(await s.insert([viaLink()])).toEqual(['spent']);
    });

    it.each([
      ['another wave', { context: { trigger: 'link', wave: 'm12', cohort: 'c-2026' } }],
      ['another learner', { learnerHash: 'h-other' }],
      ['another survey', { surveyId: 'other-survey' }],
    ])('keeps a complete through a link for %s', async (_, extra) => {
      await s.insert([viaLink()]);
      expect(await s.insert([viaLink({ id: testId(), contentHash: 'x', ...extra })])).toEqual(['accepted']);
    });

    it('stores one complete when two instances insert completes of one link at the same time', async () => {
      const other = await openStorage(db.url);
      try {
        const a = viaLink({ contentHash: 'a' });
        const b = viaLink({ id: testId(), contentHash: 'b' });
        const [sa, sb] = await Promise.all([s.insert([a]), other.insert([b])]);
        expect([...sa, ...sb].sort()).toEqual(['accepted', 'spent']);
        expect(await s.count({})).toBe(1);
      } finally {
        await other.close();
      }
    });

    it('answers whether a wave has a complete response, never counting a partial', async () => {
      await s.insert([partial({ context: { trigger: 'link', wave: 'm0', cohort: 'c-2026' } }), viaLink()]);
      expect(await s.completedWave('h-link', 'career-outcomes', 'm0')).toBe(false);
      expect(await s.completedWave('h-link', 'career-outcomes', 'm6')).toBe(true);
      expect(await s.completedWave('h-other', 'career-outcomes', 'm6')).toBe(false);
    });
  });
}
