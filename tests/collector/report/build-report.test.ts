import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../collector/report/build-report.ts';
import { parseReportOptions } from '../../../collector/report/report-options.ts';
import type { StoredResponse } from '../../../collector/storage/storage.ts';
import { generateResponses } from '../../support/generate-responses.ts';

const RULES = { minCell: 10, roundTo: 5, minPercentBase: 23 };
const DAY = 86_400_000;

async function* from(rows: StoredResponse[]) {
  yield* rows;
}

// 1,000 responses over two years (2024 and 2025), five countries, plus 3 from a small country.
function data(): StoredResponse[] {
  const rows = [...generateResponses(1000, Date.UTC(2024, 0, 1), (2 * 365 * DAY) / 1000)];
  for (let i = 0; i < 3; i++) rows.push({ ...rows[i], id: `small-${i}`, country: 'LU' });
  return rows;
}

describe('buildReport', () => {
  it('counts by country and year, rounding to 5 and suppressing the small country', async () => {
    const rows = data();
    const report = await buildReport(
      'outcomes-test',
      from(rows),
      parseReportOptions({ by: 'country,year' }, 't'),
      RULES,
    );
    expect(report.rows).toEqual(['FR', 'GB', 'JP', 'KE', 'LU', 'US']);
    expect(report.periods).toEqual(['2024', '2025']);
    const t = report.tables.responses;
    expect(t.total.count).toBe(1005);
    const lu = report.rows.indexOf('LU');
    expect(t.rowTotals[lu]).toEqual({ count: null, suppressed: 'below_k' });
    const fr2024 = rows.filter((r) => r.country === 'FR' && r.submittedAt.startsWith('2024')).length;
    expect(t.cells[0][0].count).toBe(Math.round(fr2024 / 5) * 5);
  });

  it('gives shares of responses only where the base is large enough, and never a count below k', async () => {
    const report = await buildReport(
      'outcomes-test',
      from(data()),
      parseReportOptions({ by: 'country,year' }, 't'),
      RULES,
    );
    for (const m of report.measures) {
      const t = report.tables[m];
      for (const cell of [...t.cells.flat(), ...t.rowTotals, ...t.colTotals, t.total]) {
        if (cell.count !== null) expect(cell.count).toBeGreaterThanOrEqual(10);
        if (cell.count === null) expect(cell.percent ?? null).toBeNull();
      }
    }
    expect(report.tables.any_underserved.total.percent).toBeGreaterThan(0);
  });

  it('reports the year-over-year change of the underserved count and share from published values', async () => {
    const report = await buildReport('outcomes-test', from(data()), parseReportOptions({ by: 'year' }, 't'), RULES);
    const [yoy] = report.yearOverYear;
    expect(yoy).toMatchObject({ row: 'all', period: '2025', previous: '2024' });
    const t = report.tables.any_underserved;
    expect(yoy.underserved).toBe(t.cells[0][1].count);
    expect(yoy.changePercent).toBe(
      Math.round(
        (100 * ((t.cells[0][1].count as number) - (t.cells[0][0].count as number))) / (t.cells[0][0].count as number),
      ),
    );
  });

  it('fills months without responses with a suppressed zero, which takes the next smallest month with it', async () => {
    const rows = [
      ...generateResponses(20, Date.UTC(2024, 0, 1), 0),
      ...[...generateResponses(30, Date.UTC(2024, 2, 1), 0)].map((r) => ({ ...r, id: `m-${r.id}` })),
    ];
    const report = await buildReport('s', from(rows), parseReportOptions({ by: 'month' }, 't'), RULES);
    expect(report.periods).toEqual(['2024-01', '2024-02', '2024-03']);
    expect(report.tables.responses.cells[0].map((c) => c.suppressed ?? c.count)).toEqual([
      'complementary',
      'below_k',
      30,
    ]);
    expect(report.tables.responses.total.count).toBe(50);
  });

  it.each([
    ['refugee', /"refugee" is not a report dimension/],
    ['country,disability', /sensitive attributes are reported one at a time/],
    ['year,month', /choose year or month/],
  ])('refuses by=%s', (by, message) => {
    expect(() => parseReportOptions({ by }, 'GET /v1/report')).toThrow(message);
  });
});
