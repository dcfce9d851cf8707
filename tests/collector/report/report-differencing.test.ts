import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppDeps } from '../../../collector/app-deps.ts';
import { MEASURES } from '../../../collector/report/count-responses.ts';
import type { PublishedCount } from '../../../collector/report/disclosure-control.ts';
import { researcherRoutes } from '../../../collector/researcher/researcher-routes.ts';
import type { StoredResponse } from '../../../collector/storage/storage.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { allowAll } from '../../support/allow-all.ts';
import { generateResponse, TEST_SURVEYS } from '../../support/generate-responses.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';

const RULES = { minCell: 10, roundTo: 5, minPercentBase: 23 };
const settings = { ...RULES, includeAsylumSeekers: false };
const COUNTRIES = ['FR', 'GB', 'KE'] as const;
const COURSES = ['web', 'care'] as const;
const PATHS = ['day', 'evening'] as const;
const month = (m: number) => `2026-${String(m).padStart(2, '0')}`;

type Person = {
  month: number;
  day: number;
  country: (typeof COUNTRIES)[number];
  course: (typeof COURSES)[number];
  path: (typeof PATHS)[number];
  version: 1 | 2;
  refugee: boolean;
  outcome: boolean;
};
const ON_ONE_COURSE = { country: 'FR', course: 'web', path: 'day', version: 1 } as const;
type Query = {
  from?: number;
  to?: number;
  country?: string;
  course?: string;
  path?: string;
  version?: number;
  by: string;
};
type Cell = PublishedCount & { percent?: number | null };

function stored(p: Person, i: number): StoredResponse {
  const r = generateResponse(i);
  const flags = structuredClone(r.flags);
  flags.refugee.value = p.refugee;
  flags.any_underserved.value = p.refugee;
  flags.disability.value = false;
  flags.career_outcome.value = p.outcome;
  const at = `${month(p.month)}-${String(p.day).padStart(2, '0')}T09:00:00Z`;
  return {
    ...r,
    submittedAt: at,
    receivedAt: at,
    country: p.country,
    surveyVersion: p.version,
    context: { courseId: p.course, pathId: p.path },
    flags,
  };
}

const person: fc.Arbitrary<Person> = fc.record({
  month: fc.integer({ min: 1, max: 6 }),
  day: fc.integer({ min: 1, max: 28 }),
  country: fc.constantFrom(...COUNTRIES),
  course: fc.constantFrom(...COURSES),
  path: fc.constantFrom(...PATHS),
  version: fc.constantFrom(1 as const, 2 as const),
  refugee: fc.boolean(),
  outcome: fc.boolean(),
});
const by = fc.constantFrom('', 'month', 'country', 'country,month', 'year');
const query: fc.Arbitrary<Query> = fc.record(
  {
    from: fc.integer({ min: 1, max: 6 }),
    to: fc.integer({ min: 1, max: 6 }),
    country: fc.constantFrom(...COUNTRIES),
    course: fc.constantFrom(...COURSES),
    path: fc.constantFrom(...PATHS),
    version: fc.constantFrom(1, 2),
    by,
  },
  { requiredKeys: ['by'] },
);
// The second query of a pair differs from the first by one step: a month shifted in at either end, a country,
// course, path or version filter added or removed, or the same population split another way. One of the two asks
// for a part of the other; the difference D between them is what an attacker would subtract to.
const narrowing = fc.constantFrom(
  'later-from',
  'earlier-to',
  'add-country',
  'add-course',
  'add-path',
  'add-version',
  'remove-course',
  'remove-path',
  'remove-version',
  'regroup',
);
type Pick = { country: string; course: string; path: string; version: number };
function narrowed(q: Query, how: string, b: string, pick: Pick): Query {
  const from = q.from ?? 1;
  const to = q.to ?? 6;
  if (how === 'later-from') return { ...q, from: Math.min(from + 1, to), by: b };
  if (how === 'earlier-to') return { ...q, to: Math.max(to - 1, from), by: b };
  if (how === 'add-country') return { ...q, country: q.country ?? pick.country, by: b };
  if (how === 'add-course') return { ...q, course: q.course ?? pick.course, by: b };
  if (how === 'add-path') return { ...q, path: q.path ?? pick.path, by: b };
  if (how === 'add-version') return { ...q, version: q.version ?? pick.version, by: b };
  if (how === 'remove-course') return { ...q, course: undefined, by: b };
  if (how === 'remove-path') return { ...q, path: undefined, by: b };
  if (how === 'remove-version') return { ...q, version: undefined, by: b };
  return { ...q, by: b };
}

const url = (q: Query) =>
  `/v1/report?survey=outcomes-test&by=${q.by}${q.from ? `&from=${month(q.from)}` : ''}${q.to ? `&to=${month(q.to)}` : ''}${q.country ? `&country=${q.country}` : ''}${q.course ? `&course_id=${q.course}` : ''}${q.path ? `&path_id=${q.path}` : ''}${q.version ? `&version=${q.version}` : ''}`;

/** The exact counts an attacker who knows the rules can still believe a published cell holds. */
function interval(c: PublishedCount): [number, number] {
  if (c.count !== null) {
    const half = RULES.roundTo / 2;
    return [Math.max(Math.ceil(c.count - half), RULES.minCell), Math.ceil(c.count + half) - 1];
  }
  return c.suppressed === 'below_k' ? [0, RULES.minCell - 1] : [0, Number.POSITIVE_INFINITY];
}

type ReportJson = {
  by: string[];
  rows: string[];
  periods: string[];
  tables: Record<string, { cells: Cell[][]; rowTotals: Cell[]; colTotals: Cell[]; total: Cell }>;
};

/** Every published cell of one measure by its labels: row × period, each row's total, each period's, the whole. */
function labelledCells(report: ReportJson, m: string): Map<string, Cell> {
  const t = report.tables[m];
  const out = new Map<string, Cell>([['total', t.total]]);
  report.rows.forEach((row, r) => {
    out.set(`row ${row}`, t.rowTotals[r]);
    report.periods.forEach((period, c) => {
      out.set(`${row} × ${period}`, t.cells[r][c]);
    });
  });
  report.periods.forEach((period, c) => {
    out.set(`period ${period}`, t.colTotals[c]);
  });
  return out;
}

describe('report differencing', () => {
  it('never pins an exact count from a pair of queries, and no percentage says more than the counts', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(person, { maxLength: 200, size: 'max' }),
        query,
        narrowing,
        by,
        fc.record({
          country: fc.constantFrom(...COUNTRIES),
          course: fc.constantFrom(...COURSES),
          path: fc.constantFrom(...PATHS),
          version: fc.constantFrom(1, 2),
        }),
        async (people, q0, how, b, pick) => {
          if (q0.from && q0.to && q0.from > q0.to) [q0.from, q0.to] = [q0.to, q0.from];
          // A filter removed makes the second query the whole and the first its part: the whole comes first.
          const [q1, q2] = how.startsWith('remove-')
            ? [narrowed(q0, how, b, pick), q0]
            : [q0, narrowed(q0, how, b, pick)];
          const storage = new MemoryStorage(people.map(stored));
          const deps: AppDeps = { storage, surveys: new SurveyRegistry(TEST_SURVEYS), settings };
          const app = researcherRoutes(deps, allowAll);
          const [r1, r2] = await Promise.all([q1, q2].map(async (q) => (await app.request(url(q))).json()));
          for (const report of [r1, r2]) {
            // A share is a function of the two published counts it divides, so it adds nothing to them.
            for (const m of MEASURES.filter((x) => x !== 'responses')) {
              const t = report.tables[m];
              const base = report.tables.responses;
              const pairs: [Cell, Cell][] = [
                ...t.cells.flatMap((row: Cell[], r: number) => row.map((c, i): [Cell, Cell] => [c, base.cells[r][i]])),
                ...t.rowTotals.map((c: Cell, r: number): [Cell, Cell] => [c, base.rowTotals[r]]),
                ...t.colTotals.map((c: Cell, i: number): [Cell, Cell] => [c, base.colTotals[i]]),
                [t.total, base.total],
              ];
              for (const [c, b0] of pairs) {
                const expected =
                  c.count !== null && b0.count !== null && b0.count >= RULES.minPercentBase
                    ? Math.round((100 * c.count) / b0.count)
                    : null;
                expect(c.percent).toBe(expected);
              }
            }
          }
          // With the same grouping, every cell of the part sits inside the cell of the whole with the same labels
          // (a country in a month, a country's row, a month's column, the grand total): none may be pinned either.
          if (JSON.stringify(r1.by) === JSON.stringify(r2.by))
            for (const m of MEASURES) {
              const a = labelledCells(r1, m);
              for (const [label, c2] of labelledCells(r2, m)) {
                const c1 = a.get(label);
                if (!c1) continue;
                const [lo1, hi1] = interval(c1);
                const [lo2, hi2] = interval(c2);
                const lo = Math.max(lo1 - hi2, 0);
                const hi = hi1 - lo2;
                expect(hi, `${m} ${label}: ${url(q1)} minus ${url(q2)} pins the difference to ${lo}`).toBeGreaterThan(
                  lo,
                );
              }
            }
          for (const m of MEASURES) {
            const [lo1, hi1] = interval(r1.tables[m].total);
            const [lo2, hi2] = interval(r2.tables[m].total);
            const lo = Math.max(lo1 - hi2, 0);
            const hi = hi1 - lo2;
            expect(hi, `${m}: ${url(q1)} minus ${url(q2)} pins the difference to ${lo}`).toBeGreaterThan(lo);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('refuses the day-level range of the issue’s example (one refugee on 1 January) and answers the whole month', async () => {
    // 49 answered in January after the 1st, 9 of them refugees; one more refugee answered on 1 January.
    const people: Person[] = Array.from({ length: 49 }, (_, i) => ({
      month: 1,
      day: 2 + (i % 27),
      ...ON_ONE_COURSE,
      refugee: i < 9,
      outcome: false,
    }));
    people.push({ month: 1, day: 1, ...ON_ONE_COURSE, refugee: true, outcome: false });
    const storage = new MemoryStorage(people.map(stored));
    const app = researcherRoutes({ storage, surveys: new SurveyRegistry(TEST_SURVEYS), settings }, allowAll);
    expect((await app.request('/v1/report?survey=outcomes-test&by=&from=2026-01-02')).status).toBe(400);
    const report = await (await app.request('/v1/report?survey=outcomes-test&by=&from=2026-01')).json();
    expect(report.tables.refugee.total).toEqual({ count: 10, percent: 20 });
  });
});
