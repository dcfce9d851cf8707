import { createStore, del, delMany, entries, get, set, type UseStore } from 'idb-keyval';
import type { SurveyResponse } from '../../protocol/survey-response.ts';

let drafts: UseStore | undefined;

/**
 * The drafts' own database, beside the outbox's three (stores.ts) but not among them: the service worker, which
 * opens those, never reads a draft. Opened on first use, so importing this module touches nothing.
 */
export const draftStore = (): UseStore => (drafts ??= createStore('outcome-survey-drafts', 'drafts'));

/** How long a personal link's unfinished answers stay on the device (PRIVACY.md). */
export const DRAFT_TTL_MS = 30 * 86_400_000;

/**
 * The answers given so far through one personal link, kept so that opening the link again on this device goes on
 * where the learner left (issue 17, Formbricks #8904). Only answers the learner moved past, never a sensitive one
 * (widget/delivery/keep-draft.ts chooses them); `id` is the attempt's response id, so the completion replaces the
 * partial (docs/denominators.md).
 */
export type Draft = {
  id: string;
  surveyId: string;
  answers: SurveyResponse['answers'];
  savedAt: number;
  expiresAt: number;
};

/** The SHA-256 of the link's token, hex: the token itself (a bearer credential) is never a key on the device. */
export async function linkHash(link: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(link));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** `draft:<survey>:<hash of link>`: one draft per survey and link. */
export const draftKey = async (surveyId: string, link: string) => `draft:${surveyId}:${await linkHash(link)}`;

/** Keeps (or replaces) the draft of this survey and link, for DRAFT_TTL_MS from now. */
export async function saveDraft(
  link: string,
  draft: Pick<Draft, 'id' | 'surveyId' | 'answers'>,
  now: number = Date.now(),
): Promise<void> {
  const kept: Draft = { ...draft, savedAt: now, expiresAt: now + DRAFT_TTL_MS };
  await set(await draftKey(draft.surveyId, link), kept, draftStore());
}

/** The draft of this survey and link, if one is kept and not expired. Expired drafts of any link go first. */
export async function readDraft(surveyId: string, link: string, now: number = Date.now()): Promise<Draft | undefined> {
  const store = draftStore();
  const all = await entries<IDBValidKey, Partial<Draft> | null>(store);
  const expired = all.filter(([, d]) => !(typeof d?.expiresAt === 'number' && d.expiresAt > now)).map(([k]) => k);
  await delMany(expired, store);
  const key = await draftKey(surveyId, link);
  if (expired.includes(key)) return undefined;
  const draft = await get<Draft>(key, store);
  // A record this version cannot read is no draft: the learner starts again rather than meets a broken flow.
  return draft && typeof draft.id === 'string' && draft.answers && typeof draft.answers === 'object'
    ? draft
    : undefined;
}

/** The response is complete (or the learner said "don't ask me again"): nothing is left to resume. */
export async function removeDraft(surveyId: string, link: string): Promise<void> {
  await del(await draftKey(surveyId, link), draftStore());
}

/** The learner withdraws: erases the drafts of these links (every survey), or every draft on the device. */
export async function eraseDrafts(links?: readonly string[]): Promise<number> {
  const store = draftStore();
  const hashes = links && (await Promise.all(links.map(linkHash)));
  const keys = (await entries(store))
    .map(([key]) => String(key))
    .filter((key) => !hashes || hashes.some((h) => key.endsWith(`:${h}`)));
  await delMany(keys, store);
  return keys.length;
}
