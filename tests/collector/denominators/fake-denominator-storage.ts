import type {
  CohortSummary,
  DenominatorStorage,
  MemberFacts,
  RosterImport,
  StoredContactEvent,
  StoredMember,
} from '../../../collector/storage/denominator-storage.ts';
import type { InsertStatus } from '../../../collector/storage/storage.ts';

/**
 * Just enough DenominatorStorage for the cohort routes' tests, which read each import's members as given:
 * rosters by cohort, contact events by id. Member facts and outside-roster counts are not served here (the
 * adapters and MemoryStorage serve them; tests/collector/storage/denominator-suite.ts holds them equal).
 */
export class FakeDenominatorStorage implements DenominatorStorage {
  readonly rosters = new Map<
    string,
    { members: StoredMember[]; createdAt: string; updatedAt: string; imports: number }
  >();
  readonly events = new Map<string, StoredContactEvent>();

  async importRoster(cohortId: string, members: readonly StoredMember[], at: string): Promise<RosterImport> {
    const before = new Map((this.rosters.get(cohortId)?.members ?? []).map((m) => [m.learnerHash, JSON.stringify(m)]));
    const after = new Map(members.map((m) => [m.learnerHash, JSON.stringify(m)]));
    const added = [...after.keys()].filter((h) => !before.has(h)).length;
    const removed = [...before.keys()].filter((h) => !after.has(h)).length;
    const changed = [...after].filter(([h, m]) => before.has(h) && before.get(h) !== m).length;
    const old = this.rosters.get(cohortId);
    const touched = added + removed + changed > 0 || !old;
    this.rosters.set(cohortId, {
      members: [...members],
      createdAt: old?.createdAt ?? at,
      updatedAt: touched ? at : (old?.updatedAt ?? at),
      imports: (old?.imports ?? 0) + (touched ? 1 : 0),
    });
    const result: RosterImport = { cohortId, members: members.length, added, removed, changed };
    if (touched) result.changeId = this.rosters.get(cohortId)?.imports;
    return result;
  }

  async cohorts(): Promise<CohortSummary[]> {
    return [...this.rosters]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, r]) => ({
        id,
        members: r.members.length,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
        imports: r.imports,
      }));
  }

  async insertContactEvents(records: readonly StoredContactEvent[]): Promise<InsertStatus[]> {
    return records.map((r) => {
      const stored = this.events.get(r.id);
      if (!stored) {
        this.events.set(r.id, r);
        return 'accepted';
      }
      return stored.contentHash === r.contentHash ? 'duplicate' : 'conflict';
    });
  }

  async *rosterMembers(cohortId: string): AsyncIterable<StoredMember> {
    yield* this.rosters.get(cohortId)?.members ?? [];
  }

  // The fake serves no member facts: the rate routes are tested against the real adapters.
  async *memberFacts(): AsyncIterable<MemberFacts> {}

  async outsideRoster(): Promise<number> {
    return 0;
  }

  async countContactEvents(): Promise<number> {
    return 0;
  }
}
