import { describe, expect, it } from 'vitest';
import { DeliveryReport, formatIssues, Report } from '../../../protocol/index.ts';
import { batch, post, response, TOKEN, testApp } from '../http/test-app.ts';

const NOW = Date.parse('2026-02-01T12:00:00Z');
const auth = { authorization: `Bearer ${TOKEN}` };

// Enough responses over two years and two countries that cells, margins, percentages and year-over-year lines all show.
async function appWithResponses() {
  const { app } = testApp({}, () => NOW);
  const items = Array.from({ length: 60 }, (_, i) =>
    response({
      country: i % 3 ? 'FR' : 'GB',
      submittedAt: i % 2 ? '2025-03-01T10:00:00Z' : '2026-01-10T10:00:00Z',
      answers: i % 4 ? { situation: 'employed', disability: 'yes' } : { situation: 'looking' },
      consent: { sensitive: true, version: '1' },
    }),
  );
  const res = await post(app, batch(...items, { nonsense: true }));
  expect((await res.json()).accepted).toHaveLength(60);
  return app;
}

describe('the report schemas (protocol/report.ts)', () => {
  it.each(['', '&by=country', '&by=year', '&by=country,month'])(
    'parse what GET /v1/report serves (query %j)',
    async (query) => {
      const app = await appWithResponses();
      const res = await app.request(`/v1/report?survey=outcomes${query}`, { headers: auth });
      expect(res.status).toBe(200);
      const parsed = Report.safeParse(await res.json());
      expect(parsed.success ? [] : formatIssues(parsed.error.issues)).toEqual([]);
    },
  );

  it('hold year-over-year lines and suppressed cells as served', async () => {
    const app = await appWithResponses();
    const body = Report.parse(
      await (await app.request('/v1/report?survey=outcomes&by=country,year', { headers: auth })).json(),
    );
    expect(body.yearOverYear.length).toBeGreaterThan(0);
    expect(body.measures.every((m) => m in body.tables)).toBe(true);
  });

  it('parse what GET /v1/report/delivery serves', async () => {
    const app = await appWithResponses();
    const res = await app.request('/v1/report/delivery?survey=outcomes', { headers: auth });
    expect(res.status).toBe(200);
    const parsed = DeliveryReport.safeParse(await res.json());
    expect(parsed.success ? [] : formatIssues(parsed.error.issues)).toEqual([]);
  });

  it('refuses a report with a key the contract does not name', () => {
    expect(Report.safeParse({ survey: 'x', extra: 1 }).success).toBe(false);
  });
});
