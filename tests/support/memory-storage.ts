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
    return n;
  }

  async purgeSubmittedBefore(cutoffIso: string): Promise<number> {
    const cutoff = Date.parse(cutoffIso);
    let n = 0;
    for (const [id, r] of this.rows)
      if (Math.min(Date.parse(r.submittedAt), Date.parse(r.receivedAt)) < cutoff && this.rows.delete(id)) n++;
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

  async ping(): Promise<boolean> {
    return this.up;
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}
