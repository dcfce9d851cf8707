import type { ResponseStatus } from '../../protocol/index.ts';
import { type ContactEventRow, type MemberEventRow, toMemberEvent } from './contact-event-row.ts';
import type { MemberFacts, StoredMember } from './denominator-storage.ts';

/** Members read per page by memberFacts: the events and responses of one page are fetched with one query each. */
export const MEMBER_PAGE = 500;

export type FactResponseRow = {
  learner_hash: string;
  id: string;
  status: ResponseStatus;
  answered: number | null;
  submitted_at: string;
};

const byHash = <T extends { learner_hash: string | null }>(rows: readonly T[]) => {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    if (r.learner_hash === null) continue;
    const list = map.get(r.learner_hash) ?? [];
    list.push(r);
    map.set(r.learner_hash, list);
  }
  return map;
};

/**
 * One page of MemberFacts from the rows both adapters read for it. The response kept is the earliest complete,
 * else the partial the revision rule left; `asked` is the latest progress event's, else the number answered.
 */
export function memberFactsPage(
  members: readonly StoredMember[],
  events: readonly (MemberEventRow & Pick<ContactEventRow, 'id'>)[],
  responses: readonly FactResponseRow[],
  optedOut: ReadonlySet<string>,
): MemberFacts[] {
  const eventsOf = byHash(events);
  const responsesOf = byHash(responses);
  return members.map((member) => {
    const own = (eventsOf.get(member.learnerHash) ?? []).sort(
      (a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : 1),
    );
    const facts: MemberFacts = {
      member,
      events: own.map(toMemberEvent),
      optedOut: optedOut.has(member.learnerHash),
    };
    const candidates = (responsesOf.get(member.learnerHash) ?? []).sort(
      (a, b) =>
        Number(a.status === 'partial') - Number(b.status === 'partial') ||
        (a.submitted_at < b.submitted_at ? -1 : a.submitted_at > b.submitted_at ? 1 : a.id < b.id ? -1 : 1),
    );
    const kept = candidates[0];
    if (kept) {
      const answered = kept.answered ?? 0;
      const lastAsked = own.filter((e) => e.kind === 'progress' && e.asked !== null).at(-1)?.asked;
      facts.response = { id: kept.id, status: kept.status, answered, asked: lastAsked ?? answered };
    }
    return facts;
  });
}
