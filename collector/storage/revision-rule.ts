import type { StoredResponse } from './storage.ts';

// The partial-response revision rule of docs/denominators.md, as one pure decision both adapters apply inside
// their insert transaction, so SQLite and PostgreSQL cannot drift apart.

/** What is stored under the incoming record's id or revision key. */
export type KeptRecord = { id: string; status: 'partial' | 'complete'; answered: number; contentHash: string };

/**
 * - `insert`: store it as today (ON CONFLICT by id decides accepted, duplicate or conflict);
 * - `replace`: delete `kept` (its id stays known as replaced) and store the incoming record, acked accepted;
 * - `drop`: store nothing, acked duplicate (a partial after a complete, or a partial with no more answers);
 * - `spent`: store nothing, rejected: a complete through a personal link whose attempt already has a complete.
 */
export type Revision =
  | { action: 'insert' }
  | { action: 'replace'; kept: KeptRecord }
  | { action: 'drop' }
  | { action: 'spent' };

/** Ingest sets this trigger only on a response whose link token it verified (collector/links/judged-link.ts). */
export const LINK_TRIGGER = 'link';

export const statusOf = (r: Pick<StoredResponse, 'status'>): 'partial' | 'complete' => r.status ?? 'complete';

/** Questions answered: sensitive answers are answers too, though kept in their own table. */
export const answeredCount = (r: Pick<StoredResponse, 'answers' | 'sensitiveAnswers'>): number =>
  Object.keys(r.answers).length + Object.keys(r.sensitiveAnswers).length;

/**
 * The key one attempt is revised under: learner hash + survey + wave when the learner is known and the wave named;
 * otherwise none, and only the id joins a partial with its completion.
 */
export function revisionKey(r: StoredResponse): { learnerHash: string; surveyId: string; wave: string } | undefined {
  const wave = r.context?.wave;
  return r.learnerHash !== undefined && wave !== undefined && wave !== ''
    ? { learnerHash: r.learnerHash, surveyId: r.surveyId, wave }
    : undefined;
}

/**
 * Decides for one incoming record. `sameId` is what is stored under its id; `sameKey` the partial, else the
 * complete, stored under its revision key (another id). A record whose id was replaced earlier never gets here:
 * the adapter acks it duplicate first.
 */
export function revise(incoming: StoredResponse, sameId?: KeptRecord, sameKey?: KeptRecord): Revision {
  const status = statusOf(incoming);
  const answered = answeredCount(incoming);
  const kept = sameId ?? sameKey;
  if (kept === undefined) return { action: 'insert' };
  if (sameId !== undefined && sameId.contentHash === incoming.contentHash) return { action: 'insert' };
  if (kept.status === 'complete') {
    // Rule 4: a complete is final. Rule 5: a second complete under another id is kept, as before partials.
    if (status === 'partial') return { action: 'drop' };
    // Issue 17: a personal link is spent by its first completion; another device's complete is refused, not kept.
    if (sameId === undefined && incoming.context?.trigger === LINK_TRIGGER) return { action: 'spent' };
    return { action: 'insert' };
  }
  // kept is a partial: rule 2 (complete replaces it) and rule 3 (more answers replace it; a tie keeps it).
  if (status === 'complete' || answered > kept.answered) return { action: 'replace', kept };
  return { action: 'drop' };
}
