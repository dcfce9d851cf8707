import type { DeadLetterCode } from '../storage/queued-item.ts';

/** A whole batch refused for its site key (401) or origin (403), with the collector's reason. */
export type SetupRefusal = {
  code: 'site-key-refused' | 'origin-refused';
  status: number;
  reason: string;
  endpoint: string;
  siteKey: string;
};

/** What became of each id a flush sent, so a caller learns the fate of its own response from the report. */
export type Settled = {
  /** Acknowledged as stored: deleted from the device. */
  delivered: string[];
  /** Acknowledged as stored before: deleted from the device. */
  duplicate: string[];
  /** Moved to the dead letters, with why. */
  setAside: { id: string; code: DeadLetterCode }[];
  /** Not acknowledged: still queued, tried again after its backoff. */
  retrying: string[];
};

/** What one batch settled: its ids, and the set-up refusal that set them aside, if any. */
export type Settlement = { settled: Settled; refused?: SetupRefusal };

export type FlushReport = {
  sent: number;
  duplicates: number;
  rejected: number;
  retried: number;
  expired: number;
  /** Always set by this version; absent in the reply of a service worker from before it. */
  settled?: Settled;
  /** When the earliest item still queued may be tried again; absent when the queue is empty. */
  nextAttemptAt?: number;
  /** Another tab or the worker was flushing; nothing was sent by this call. */
  skipped?: boolean;
  /** Queue records this version cannot read, moved to the dead letters by this call. */
  unreadable?: number;
  /** The collector refused the set-up (site key, origin): the widget tells the host and the learner. */
  refused?: SetupRefusal[];
};

export const nothingSettled = (): Settled => ({ delivered: [], duplicate: [], setAside: [], retrying: [] });

export const emptyReport = (): FlushReport => ({
  sent: 0,
  duplicates: 0,
  rejected: 0,
  retried: 0,
  expired: 0,
  settled: nothingSettled(),
});

const joinSettled = (a: Settled = nothingSettled(), b: Settled = nothingSettled()): Settled => ({
  delivered: [...a.delivered, ...b.delivered],
  duplicate: [...a.duplicate, ...b.duplicate],
  setAside: [...a.setAside, ...b.setAside],
  retrying: [...a.retrying, ...b.retrying],
});

/** The report with one batch's settlement added; the counts follow from the ids. */
export function addSettlement(report: FlushReport, { settled, refused }: Settlement): FlushReport {
  const next: FlushReport = {
    ...report,
    sent: report.sent + settled.delivered.length,
    duplicates: report.duplicates + settled.duplicate.length,
    rejected: report.rejected + settled.setAside.length,
    retried: report.retried + settled.retrying.length,
    settled: joinSettled(report.settled, settled),
  };
  if (refused) next.refused = [...(report.refused ?? []), refused];
  return next;
}

/** Two flushes told as one (serial-flush.ts): sums and ids of both, the later one's schedule and skip. */
export function mergeReports(a: FlushReport, b: FlushReport): FlushReport {
  const { nextAttemptAt, skipped } = b;
  const sum: FlushReport = {
    sent: a.sent + b.sent,
    duplicates: a.duplicates + b.duplicates,
    rejected: a.rejected + b.rejected,
    retried: a.retried + b.retried,
    expired: a.expired + b.expired,
    settled: joinSettled(a.settled, b.settled),
  };
  if (nextAttemptAt !== undefined) sum.nextAttemptAt = nextAttemptAt;
  const unreadable = (a.unreadable ?? 0) + (b.unreadable ?? 0);
  if (unreadable) sum.unreadable = unreadable;
  const refused = [...(a.refused ?? []), ...(b.refused ?? [])];
  if (refused.length) sum.refused = refused;
  if (skipped) sum.skipped = true;
  return sum;
}
