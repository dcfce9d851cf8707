import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { researcherRoutes } from '../../../collector/researcher/researcher-routes.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { allowAll } from '../../support/allow-all.ts';
import { generateResponse, TEST_SURVEYS } from '../../support/generate-responses.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';
import { batch, post, response, TOKEN, testApp } from '../http/test-app.ts';

const NOW = Date.UTC(2026, 2, 14, 12, 0, 0);
const YEAR = 365.25 * 86_400_000;
const BYS = ['', 'month', 'year', 'country', 'country,month', 'country,year'];
const PERIOD = { month: /^\d{4}-(0[1-9]|1[0-2])$/, year: /^\d{4}$/ };

// Anywhere from 0001 to 9999, biased to the years around the collector's clock where the window's edges are.
const instant = fc.oneof(
  fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }),
  fc.integer({ min: -30 * YEAR, max: 30 * YEAR }).map((offset) => new Date(NOW + offset)),
  fc.integer({ min: -10 * 60_000, max: 10 * 60_000 }).map((offset) => new Date(NOW + offset)),
);
// The wire allows any fractional precision: whole seconds and nanoseconds too.
const submittedAt = fc
  .tuple(instant, fc.constantFrom('ms', 's', 'ns'))
  .map(([d, p]) =>
    p === 'ms'
      ? d.toISOString()
      : p === 's'
        ? `${d.toISOString().slice(0, 19)}Z`
        : `${d.toISOString().slice(0, 23)}123456Z`,
  );

type Report = { periods: string[]; tables: { responses: { total: { count: number | null } } } };

function checkReport(report: Report, by: string) {
  const unit = by.includes('month') ? 'month' : by.includes('year') ? 'year' : undefined;
  if (unit) for (const p of report.periods) expect(p).toMatch(PERIOD[unit]);
  expect([...report.periods].sort()).toEqual(report.periods);
  expect(new Set(report.periods).size).toBe(report.periods.length);
}

describe('submittedAt fuzz', () => {
  it('accepts or rejects each dated response alone, never with a 5xx, and every report stays whole', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(submittedAt, { minLength: 1, maxLength: 30 }), async (dates) => {
        const { app, storage } = testApp(
          { RATE_LIMIT_PER_ADDRESS: '1000000', RATE_LIMIT_PER_SITE_KEY: '1000000' },
          () => NOW,
        );
        const items = dates.map((d) => response({ submittedAt: d }));
        const res = await post(app, batch(...items));
        expect(res.status).toBe(200);
        const ack = await res.json();
        expect(ack.accepted.length + ack.rejected.length).toBe(items.length);
        for (const r of ack.rejected)
          expect(r.errors.map((e: { path: string }) => e.path.replace(/\[\d+\]/, '[i]'))).toEqual([
            'responses[i].submittedAt',
          ]);
        for (const id of ack.accepted) {
          const t = Date.parse(items.find((i) => i.id === id)?.submittedAt ?? '');
          expect(t).toBeLessThanOrEqual(NOW + 5 * 60_000);
          expect(t).toBeGreaterThanOrEqual(Date.UTC(2024, 2, 14, 12));
        }
        expect(storage.rows.size).toBe(ack.accepted.length);
        for (const by of BYS) {
          const rep = await app.request(`/v1/report?survey=outcomes&by=${by}`, {
            headers: { authorization: `Bearer ${TOKEN}` },
          });
          expect(rep.status).toBe(200);
          checkReport(await rep.json(), by);
        }
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('reports on whatever is stored, dated anywhere from 0001 to 9999, within a bounded size and with every response counted', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(submittedAt, { minLength: 1, maxLength: 40 }),
        fc.constantFrom(...BYS),
        async (dates, by) => {
          const storage = new MemoryStorage(dates.map((d, i) => ({ ...generateResponse(i), submittedAt: d })));
          const settings = { minCell: 1, roundTo: 1, minPercentBase: 1, includeAsylumSeekers: false };
          const app = researcherRoutes({ storage, surveys: new SurveyRegistry(TEST_SURVEYS), settings }, allowAll);
          const res = await app.request(`/v1/report?survey=outcomes-test&by=${by}`);
          expect(res.status).toBe(200);
          const text = await res.text();
          const report = JSON.parse(text);
          checkReport(report, by);
          // k = 1 and no rounding, so the total is exact: no response falls outside the listed periods.
          expect(report.tables.responses.total.count).toBe(dates.length);
          // Each response adds at most one period and one run of (at most ten years of) empty ones before it.
          expect(report.periods.length).toBeLessThanOrEqual(dates.length * 121);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
