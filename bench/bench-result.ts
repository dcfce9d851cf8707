/** One line of the performance table: our figure, the reference measured in the same run, and their ratio. */
export type Row = {
  measure: string;
  ours: string;
  reference?: string;
  /** What the README quotes: ours ÷ reference, with the direction that is better spelled out in `measure`. */
  ratio?: number;
  note?: string;
};

export type BenchOutcome = {
  rows: Row[];
  /** Raw numbers, kept in latest.json so a later run can be compared. */
  data: Record<string, unknown>;
  versions: Record<string, string>;
  commands: string[];
  /** This bench's keys of latest.json's `summary` (issue 20's contract: plain numbers, one name each). */
  summary?: Partial<Record<SummaryKey, number>>;
};

/** The keys of latest.json's `summary`, each written by the bench that measures it. */
export const SUMMARY_KEYS = [
  'ingest_sqlite_ratio',
  'ingest_postgres_ratio',
  'export_csv_ratio',
  'export_peak_rss_mib',
  'first_question_ms',
  'first_question_floor_ms',
  'first_question_ratio_to_floor',
  'long_tasks_median',
  'first_question_needed_br',
  'ingest_scale_3_over_1',
  'response_rates_ratio_to_group_by',
] as const;
export type SummaryKey = (typeof SUMMARY_KEYS)[number];

export type BenchRecord =
  | ({ status: 'ok'; seconds: number } & BenchOutcome)
  | { status: 'skipped' | 'failed'; seconds: number; reason: string };

/** Thrown when a piece a benchmark needs has not landed (or cannot run here); the run goes on without it. */
export class BenchSkip extends Error {
  override name = 'BenchSkip';
}

export type BenchContext = {
  root: string;
  /** Scratch folder for this run, removed at the end. */
  tmp: string;
  log: (line: string) => void;
  /** Results of the benchmarks that ran before, by id (footprint reads weight's and sync's). */
  earlier: Record<string, BenchRecord>;
};

export type Bench = { id: string; title: string; run: (ctx: BenchContext) => Promise<BenchOutcome> };
