import type {
  InsertStatus,
  RejectionCount,
  ResponseFilter,
  Storage,
  StoredResponse,
} from '../../../collector/storage/storage.ts';

/** The Storage contract in a Map, for HTTP tests that are about the edge, not the database. */
export class MemoryStorage implements Storage {
  readonly rows = new Map<string, StoredResponse>();
  readonly optOuts = new Set<string>();
  /** Rejection counts by "day|siteKey|reason". */
  readonly rejections = new Map<string, number>();
  up = true;
  closed = false;

  async migrate(): Promise<void> {}

  async insert(records: StoredResponse[]): Promise<InsertStatus[]> {
    return records.map((r) => {
      const stored = this.rows.get(r.id);
      if (!stored) {
        this.rows.set(r.id, structuredClone(r));
        return 'accepted';
      }
      return stored.contentHash === r.contentHash ? 'duplicate' : 'conflict';
    });
  }

  async *responses(filter: ResponseFilter): AsyncIterable<StoredResponse> {
    for (const r of this.rows.values()) if (!filter.surveyId || r.surveyId === filter.surveyId) yield r;
  }

  async count(filter: ResponseFilter): Promise<number> {
    let n = 0;
    for await (const _ of this.responses(filter)) n++;
    return n;
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
    this.optOuts.add(`${learnerHash}/${surveyId}`);
  }

  async optedOut(learnerHash: string, surveyId: string): Promise<boolean> {
    return this.optOuts.has(`${learnerHash}/${surveyId}`);
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
