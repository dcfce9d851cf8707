import type {
  CohortSummary,
  ContactEventCount,
  MemberFacts,
  RosterImport,
  StoredContactEvent,
  StoredMember,
  WaveQuery,
} from '../../collector/storage/denominator-storage.ts';
import { memberFactsPage } from '../../collector/storage/member-facts-page.ts';
import { answeredCount, LINK_TRIGGER, revisionKey, statusOf } from '../../collector/storage/revision-rule.ts';
import { rosterPlan } from '../../collector/storage/roster-plan.ts';
import { sortTime } from '../../collector/storage/sort-time.ts';
import type {
  InsertStatus,
  RejectionCount,
  ResponseFilter,
  Storage,
  StoredResponse,
} from '../../collector/storage/storage.ts';

export function matches(r: StoredResponse, f: ResponseFilter): boolean {
  return (
    (f.surveyId === undefined || r.surveyId === f.surveyId) &&
    (f.surveyVersion === undefined || r.surveyVersion === f.surveyVersion) &&
    (f.country === undefined || r.country === f.country) &&
    (f.courseId === undefined || r.context?.courseId === f.courseId) &&
    (f.pathId === undefined || r.context?.pathId === f.pathId) &&
    (f.from === undefined || r.submittedAt >= f.from) &&
    (f.to === undefined || r.submittedAt < f.to)
  );
}

/** The Storage contract in a Map, for tests about the code above the database, not the database. */
export class MemoryStorage implements Storage {
  readonly rows = new Map<string, StoredResponse>();
  readonly optOuts = new Set<string>();
  /** Rejection counts by "day|siteKey|reason". */
  readonly rejections = new Map<string, number>();
  /** Roster members by cohort id, then learner hash; cohort dates and import counts beside. */
  readonly members = new Map<string, Map<string, StoredMember>>();
  readonly cohortInfo = new Map<string, { createdAt: string; updatedAt: string; imports: number }>();
  readonly events = new Map<string, StoredContactEvent>();
  /** What ping() answers: set false to play a database that is down. */
  up = true;
  closed = false;

  constructor(initial: Iterable<StoredResponse> = []) {
    for (const r of initial) this.rows.set(r.id, r);
  }

  async migrate(): Promise<void> {}

  async insert(records: StoredResponse[]): Promise<InsertStatus[]> {
    return records.map((r) => {
      const existing = this.rows.get(r.id);
      if (existing) return existing.contentHash === r.contentHash ? 'duplicate' : 'conflict';
      // The personal-link part of the revision rule only (collector/storage/revision-rule.ts), which the adapters
      // apply whole: route tests see a spent link refused.
      if (r.context?.trigger === LINK_TRIGGER && statusOf(r) === 'complete' && this.#completes(r)) return 'spent';
      // A copy, as a database keeps: a caller changing its object later must not change what was stored.
      this.rows.set(r.id, structuredClone(r));
      return 'accepted';
    });
  }

  async *responses(filter: ResponseFilter): AsyncIterable<StoredResponse> {
    const sorted = [...this.rows.values()]
      .filter((r) => matches(r, filter))
      .sort((a, b) =>
        a.submittedAt === b.submittedAt ? (a.id < b.id ? -1 : 1) : a.submittedAt < b.submittedAt ? -1 : 1,
      );
    yield* sorted;
  }

  async count(filter: ResponseFilter): Promise<number> {
    return [...this.rows.values()].filter((r) => matches(r, filter)).length;
  }

  async eraseLearner(learnerHash: string): Promise<number> {
    let n = 0;
    for (const [id, r] of this.rows) if (r.learnerHash === learnerHash && this.rows.delete(id)) n++;
    for (const members of this.members.values()) members.delete(learnerHash);
    for (const [id, e] of this.events) if (e.learnerHash === learnerHash) this.events.delete(id);
    return n;
  }

  async purgeSubmittedBefore(cutoffIso: string): Promise<number> {
    const cutoff = Date.parse(cutoffIso);
    let n = 0;
    for (const [id, r] of this.rows)
      if (Math.min(Date.parse(r.submittedAt), Date.parse(r.receivedAt)) < cutoff && this.rows.delete(id)) n++;
    for (const [id, e] of this.events)
      if (Math.min(Date.parse(e.at), Date.parse(e.receivedAt)) < cutoff) this.events.delete(id);
    return n;
  }

  async setOptOut(learnerHash: string, surveyId: string): Promise<void> {
    this.optOuts.add(`${learnerHash}\u0000${surveyId}`);
  }

  async optedOut(learnerHash: string, surveyId: string): Promise<boolean> {
    return this.optOuts.has(`${learnerHash}\u0000${surveyId}`);
  }

  async answeredWaves(learnerHash: string, surveyId: string): Promise<string[]> {
    const waves = [...this.rows.values()]
      .filter((r) => r.learnerHash === learnerHash && r.surveyId === surveyId && r.context?.wave)
      .map((r) => r.context?.wave as string);
    return [...new Set(waves)].sort();
  }

  async completedWave(learnerHash: string, surveyId: string, wave: string): Promise<boolean> {
    return [...this.rows.values()].some(
      (r) =>
        r.learnerHash === learnerHash &&
        r.surveyId === surveyId &&
        r.context?.wave === wave &&
        statusOf(r) === 'complete',
    );
  }

  /** Whether another complete response is kept under r's revision key. */
  #completes(r: StoredResponse): boolean {
    const key = JSON.stringify(revisionKey(r) ?? null);
    return (
      key !== 'null' &&
      [...this.rows.values()].some(
        (kept) => kept.id !== r.id && statusOf(kept) === 'complete' && JSON.stringify(revisionKey(kept)) === key,
      )
    );
  }

  async countRejections(day: string, siteKey: string, counts: Record<string, number>): Promise<void> {
    for (const [reason, n] of Object.entries(counts))
      if (n > 0)
        this.rejections.set(
          `${day}|${siteKey}|${reason}`,
          (this.rejections.get(`${day}|${siteKey}|${reason}`) ?? 0) + n,
        );
  }

  async rejectionsByDay(from?: string, to?: string): Promise<RejectionCount[]> {
    return [...this.rejections]
      .map(([key, count]) => {
        const [day, siteKey, reason] = key.split('|');
        return { day, siteKey, reason, count };
      })
      .filter((r) => (from === undefined || r.day >= from) && (to === undefined || r.day < to))
      .sort((a, b) => (`${a.day}|${a.siteKey}|${a.reason}` < `${b.day}|${b.siteKey}|${b.reason}` ? -1 : 1));
  }

  // Rosters and contact events with the adapters' own planners (roster-plan.ts, member-facts-page.ts); the
  // revision rule of partial responses is the adapters' alone (tests/collector/storage/ hold it).
  async importRoster(cohortId: string, incoming: readonly StoredMember[], at: string): Promise<RosterImport> {
    const stored = this.members.get(cohortId) ?? new Map<string, StoredMember>();
    const plan = rosterPlan(cohortId, [...stored.values()], incoming, at);
    const result = { cohortId, members: incoming.length, added: 0, removed: 0, changed: 0 };
    if (plan.change === null) return result;
    for (const hash of plan.removed) stored.delete(hash);
    for (const m of plan.upserts) stored.set(m.learnerHash, structuredClone(m));
    this.members.set(cohortId, stored);
    const info = this.cohortInfo.get(cohortId) ?? { createdAt: at, updatedAt: at, imports: 0 };
    this.cohortInfo.set(cohortId, { ...info, updatedAt: at, imports: info.imports + 1 });
    const c = plan.change;
    return {
      ...result,
      added: c.added.length,
      removed: c.removed.length,
      changed: c.changed.length,
      changeId: info.imports + 1,
    };
  }

  async cohorts(): Promise<CohortSummary[]> {
    return [...this.cohortInfo]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, info]) => ({ id, members: this.members.get(id)?.size ?? 0, ...info }));
  }

  async insertContactEvents(records: readonly StoredContactEvent[]): Promise<InsertStatus[]> {
    return records.map((e) => {
      const existing = this.events.get(e.id);
      if (existing) return existing.contentHash === e.contentHash ? 'duplicate' : 'conflict';
      this.events.set(e.id, structuredClone(e));
      return 'accepted';
    });
  }

  async *rosterMembers(cohortId: string): AsyncIterable<StoredMember> {
    yield* [...(this.members.get(cohortId)?.values() ?? [])]
      .sort((a, b) => (a.learnerHash < b.learnerHash ? -1 : 1))
      .map((m) => structuredClone(m));
  }

  async *memberFacts(query: WaveQuery): AsyncIterable<MemberFacts> {
    const members = [...(this.members.get(query.cohortId)?.values() ?? [])].sort((a, b) =>
      a.learnerHash < b.learnerHash ? -1 : 1,
    );
    const events = [...this.events.values()]
      .filter((e) => e.surveyId === query.surveyId && (e.context?.wave ?? 'once') === query.wave && e.learnerHash)
      .map((e) => ({
        id: e.id,
        learner_hash: e.learnerHash ?? null,
        kind: e.kind,
        at: e.at,
        answered: e.answered ?? null,
        asked: e.asked ?? null,
        reason: e.reason ?? null,
      }));
    const responses = [...this.rows.values()]
      .filter((r) => r.surveyId === query.surveyId && (r.context?.wave ?? 'once') === query.wave && r.learnerHash)
      .map((r) => ({
        learner_hash: r.learnerHash as string,
        id: r.id,
        status: statusOf(r),
        answered: answeredCount(r),
        submitted_at: r.submittedAt,
      }));
    const optedOut = new Set(
      [...this.optOuts].filter((k) => k.endsWith(`\u0000${query.surveyId}`)).map((k) => k.split('\u0000')[0]),
    );
    yield* memberFactsPage(members, events, responses, optedOut);
  }

  async outsideRoster({ surveyId, cohortId, wave }: WaveQuery): Promise<number> {
    const onAny = (hash: string) => [...this.members.values()].some((m) => m.has(hash));
    return [...this.rows.values()].filter((r) => {
      if (r.surveyId !== surveyId || (r.context?.wave ?? 'once') !== wave) return false;
      const cohort = r.context?.cohort;
      if (cohort === cohortId) return !r.learnerHash || !this.members.get(cohortId)?.has(r.learnerHash);
      return cohort === undefined && (!r.learnerHash || !onAny(r.learnerHash));
    }).length;
  }

  async countContactEvents({ surveyId, kind, from, to }: ContactEventCount): Promise<number> {
    const [a, b] = [sortTime(from), sortTime(to)];
    return [...this.events.values()].filter((e) => {
      const at = sortTime(e.at);
      return e.surveyId === surveyId && e.kind === kind && at >= a && at < b;
    }).length;
  }

  async ping(): Promise<boolean> {
    return this.up;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
