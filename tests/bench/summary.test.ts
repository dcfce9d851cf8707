import { describe, expect, it } from 'vitest';
import { SUMMARY_KEYS } from '../../bench/bench-result.ts';
import type { Results } from '../../bench/report-table.ts';
import { summaryOf } from '../../bench/summary.ts';

const base = { title: 't', ranAt: '2026-12-04T00:00:00Z', seconds: 1, rows: [], data: {}, versions: {}, commands: [] };

describe('bench summary', () => {
  it('lists every key, with the figure of the bench that wrote it and null for the rest', () => {
    const results: Results = {
      startedAt: '',
      seconds: 0,
      machine: {},
      benches: {
        ingest: { ...base, status: 'ok', summary: { ingest_sqlite_ratio: 0.61 } },
        export: { ...base, status: 'ok', summary: { export_csv_ratio: Number.NaN } },
        firstQuestion: { status: 'failed', seconds: 1, reason: 'x', title: 't', ranAt: '' },
      },
    };
    const summary = summaryOf(results);
    expect(Object.keys(summary)).toEqual([...SUMMARY_KEYS]);
    expect(summary.ingest_sqlite_ratio).toBe(0.61);
    expect(summary.export_csv_ratio).toBeNull();
    expect(summary.first_question_ms).toBeNull();
  });

  it('names the eleven keys issue 20 asks for', () => {
    expect(SUMMARY_KEYS).toHaveLength(11);
    expect(SUMMARY_KEYS).toContain('response_rates_ratio_to_group_by');
  });
});
