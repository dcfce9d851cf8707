import 'fake-indexeddb/auto';
import { entries } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DRAFT_TTL_MS,
  draftKey,
  draftStore,
  eraseDrafts,
  linkHash,
  readDraft,
  removeDraft,
  saveDraft,
} from '../../../worker/storage/drafts.ts';

const draft = (id: string, surveyId = 'career-outcomes') => ({ id, surveyId, answers: { situation: 'employed' } });
const keys = async () => (await entries(draftStore())).map(([k]) => String(k)).sort();

beforeEach(async () => {
  await eraseDrafts();
});

describe('the drafts of personal links', () => {
  it('keeps a draft under draft:<survey>:<SHA-256 of the link>, never under the token itself', async () => {
    await saveDraft('tok-A', draft('r1'), 1_000);
    expect(await linkHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await keys()).toEqual([`draft:career-outcomes:${await linkHash('tok-A')}`]);
    expect(await keys()).toEqual([await draftKey('career-outcomes', 'tok-A')]);
    expect(JSON.stringify(await keys())).not.toContain('tok-A');
  });

  it('reads back the draft of the same survey and link only', async () => {
    await saveDraft('tok-A', draft('r1'), 1_000);
    await saveDraft('tok-B', draft('r2'), 1_000);
    await saveDraft('tok-A', draft('r3', 'other-survey'), 1_000);
    expect(await readDraft('career-outcomes', 'tok-A', 2_000)).toEqual({
      ...draft('r1'),
      savedAt: 1_000,
      expiresAt: 1_000 + DRAFT_TTL_MS,
    });
    expect((await readDraft('career-outcomes', 'tok-B', 2_000))?.id).toBe('r2');
    expect(await readDraft('career-outcomes', 'tok-C', 2_000)).toBeUndefined();
  });

  it('keeps a draft for 30 days after its last save, then erases it (and any other expired one) when read', async () => {
    expect(DRAFT_TTL_MS).toBe(30 * 86_400_000);
    await saveDraft('tok-A', draft('r1'), 0);
    await saveDraft('tok-B', draft('r2'), 10);
    expect((await readDraft('career-outcomes', 'tok-A', DRAFT_TTL_MS - 1))?.id).toBe('r1');
    expect(await readDraft('career-outcomes', 'tok-A', DRAFT_TTL_MS)).toBeUndefined();
    expect(await keys()).toEqual([await draftKey('career-outcomes', 'tok-B')]);
    expect(await readDraft('career-outcomes', 'tok-A', 10 + DRAFT_TTL_MS)).toBeUndefined();
    expect(await keys()).toEqual([]);
  });

  it('a later save extends the expiry and replaces the answers', async () => {
    await saveDraft('tok-A', draft('r1'), 0);
    await saveDraft('tok-A', { ...draft('r1'), answers: { situation: 'study', sector: 'it' } }, 1_000);
    expect(await readDraft('career-outcomes', 'tok-A', DRAFT_TTL_MS + 500)).toMatchObject({
      answers: { situation: 'study', sector: 'it' },
      expiresAt: 1_000 + DRAFT_TTL_MS,
    });
  });

  it('removes the draft of one survey and link', async () => {
    await saveDraft('tok-A', draft('r1'), 0);
    await saveDraft('tok-B', draft('r2'), 0);
    await removeDraft('career-outcomes', 'tok-A');
    expect(await keys()).toEqual([await draftKey('career-outcomes', 'tok-B')]);
  });

  it("erases a withdrawing learner's drafts of every survey of their links, or all of them", async () => {
    await saveDraft('tok-A', draft('r1'), 0);
    await saveDraft('tok-A', draft('r2', 'other-survey'), 0);
    await saveDraft('tok-B', draft('r3'), 0);
    expect(await eraseDrafts(['tok-A'])).toBe(2);
    expect(await keys()).toEqual([await draftKey('career-outcomes', 'tok-B')]);
    expect(await eraseDrafts()).toBe(1);
    expect(await keys()).toEqual([]);
  });

  it.each([
    ['no id', { surveyId: 'career-outcomes', answers: {}, expiresAt: Number.MAX_SAFE_INTEGER }],
    ['no answers', { id: 'r1', surveyId: 'career-outcomes', expiresAt: Number.MAX_SAFE_INTEGER }],
    ['no expiry', { id: 'r1', surveyId: 'career-outcomes', answers: {} }],
    ['not an object', 'garbage'],
  ])('treats a record it cannot read (%s) as no draft', async (_what, record) => {
    const { set } = await import('idb-keyval');
    await set(await draftKey('career-outcomes', 'tok-A'), record, draftStore());
    expect(await readDraft('career-outcomes', 'tok-A', 1_000)).toBeUndefined();
  });
});
