import type {
  CohortSummary,
  DenominatorStorage,
  MemberFacts,
  RosterImport,
  StoredContactEvent,
  StoredMember,
  WaveQuery,
} from '../../../collector/storage/denominator-storage.ts';
import type { InsertStatus } from '../../../collector/storage/storage.ts';

/** A member with the facts one survey and wave gave it; the fake holds one such set per cohort. */
export type FakeMember = Partial<Omit<MemberFacts, 'member'>> & Partial<StoredMember> & { learnerHash: string };

/**
 * An in-memory DenominatorStorage for the routes and the rate computation, until the SQLite and PostgreSQL
 * adapters land: memberFacts yields the members of the asked cohort ordered by learnerHash, as the interface says.
 */
export class FakeDenominators implements DenominatorStorage {
  readonly cohortMembers = new Map<string, FakeMember[]>();
  outside = 0;
  /** How many members memberFacts has yielded so far, to see that a stream is consumed as it goes. */
  yielded = 0;

  constructor(cohorts: Record<string, FakeMember[]> = {}, outside = 0) {
    for (const [id, members] of Object.entries(cohorts)) this.cohortMembers.set(id, members);
    this.outside = outside;
  }

  async importRoster(cohortId: string, members: readonly StoredMember[]): Promise<RosterImport> {
    this.cohortMembers.set(
      cohortId,
      members.map((m) => ({ ...m })),
    );
    return { cohortId, members: members.length, added: members.length, removed: 0, changed: 0 };
  }

  async cohorts(): Promise<CohortSummary[]> {
    return [...this.cohortMembers]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, members]) => ({
        id,
        members: members.length,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        imports: 1,
      }));
  }

  async insertContactEvents(records: readonly StoredContactEvent[]): Promise<InsertStatus[]> {
    return records.map(() => 'accepted' as InsertStatus);
  }

  async *rosterMembers(cohortId: string): AsyncIterable<StoredMember> {
    const members = [...(this.cohortMembers.get(cohortId) ?? [])].sort((a, b) =>
      a.learnerHash < b.learnerHash ? -1 : 1,
    );
    for (const { events: _e, response: _r, optedOut: _o, attrs = {}, ...member } of members) yield { ...member, attrs };
  }

  async *memberFacts(query: WaveQuery): AsyncIterable<MemberFacts> {
    const members = [...(this.cohortMembers.get(query.cohortId) ?? [])].sort((a, b) =>
      a.learnerHash < b.learnerHash ? -1 : 1,
    );
    for (const m of members) {
      const { events = [], response, optedOut = false, attrs = {}, ...member } = m;
      this.yielded++;
      yield { member: { ...member, attrs }, events, ...(response ? { response } : {}), optedOut };
    }
  }

  async outsideRoster(): Promise<number> {
    return this.outside;
  }

  async countContactEvents(): Promise<number> {
    return 0;
  }
}
