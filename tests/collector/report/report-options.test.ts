import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../../../collector/app-deps.ts';
import { parseReportOptions, ReportOptionsError, reportFilter } from '../../../collector/report/report-options.ts';
import { researcherRoutes } from '../../../collector/researcher/researcher-routes.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { allowAll } from '../../support/allow-all.ts';
import { generateResponses, TEST_SURVEYS } from '../../support/generate-responses.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';

const settings = { minCell: 10, roundTo: 5, minPercentBase: 23, includeAsylumSeekers: false };
const deps = (storage = new MemoryStorage()): AppDeps => ({
  storage,
  surveys: new SurveyRegistry(TEST_SURVEYS),
  settings,
});

describe('report date filters', () => {
  it.each([
    ['from', '2026-01-02'],
    ['from', '2026-01-01'],
    ['to', '2026-01-31T23:59:59Z'],
    ['from', '2026-1'],
    ['to', '2026-13'],
  ])('refuses %s=%s with 400 naming the expected YYYY-MM', async (name, value) => {
    const res = await researcherRoutes(deps(), allowAll).request(`/v1/report?survey=outcomes-test&${name}=${value}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(
      new RegExp(`^GET /v1/report: ${name}: expected a whole month YYYY-MM such as "2026-01"`),
    );
  });

  it('refuses a "to" before "from", saying both months are included', () => {
    expect(() => parseReportOptions({ from: '2026-03', to: '2026-02' }, 'npm run report')).toThrow(ReportOptionsError);
    expect(() => parseReportOptions({ from: '2026-03', to: '2026-02' }, 'npm run report')).toThrow(
      /npm run report: to: expected a month on or after "from" \(both are included/,
    );
  });

  it.each([
    [{ from: '2026-01' }, { from: '2026-01-01T00:00:00Z' }],
    [{ to: '2026-01' }, { to: '2026-02-01T00:00:00Z' }],
    [
      { from: '2025-12', to: '2025-12' },
      { from: '2025-12-01T00:00:00Z', to: '2026-01-01T00:00:00Z' },
    ],
    [{ from: '0001-01', to: '9999-12' }, { from: '0001-01-01T00:00:00Z' }],
  ])('reads %o as whole months, both included: %o', (raw, bounds) => {
    expect(reportFilter(parseReportOptions(raw, 't'), 'outcomes-test')).toEqual({
      surveyId: 'outcomes-test',
      country: undefined,
      ...bounds,
    });
  });

  it('counts exactly the responses of the months asked for', async () => {
    const DAY = 86_400_000;
    // One a day through 2026: 31 in January, 28 in February, 31 in March.
    const storage = new MemoryStorage(generateResponses(365, Date.UTC(2026, 0, 1, 12), DAY));
    const res = await researcherRoutes(deps(storage), allowAll).request(
      '/v1/report?survey=outcomes-test&by=month&from=2026-02&to=2026-03',
    );
    const report = await res.json();
    expect(report.periods).toEqual(['2026-02', '2026-03']);
    expect(report.tables.responses.colTotals).toEqual([{ count: 30 }, { count: 30 }]);
    expect(report.tables.responses.total).toEqual({ count: 60 });
  });
});
