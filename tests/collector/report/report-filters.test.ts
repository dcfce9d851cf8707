import { describe, expect, it } from 'vitest';
import { filterOf, parseExportOptions } from '../../../collector/export/export-options.ts';
import { roundTo } from '../../../collector/report/disclosure-control.ts';
import { researcherRoutes } from '../../../collector/researcher/researcher-routes.ts';
import type { StoredResponse } from '../../../collector/storage/storage.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { allowAll } from '../../support/allow-all.ts';
import { generateResponses, TEST_SURVEYS } from '../../support/generate-responses.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';

const settings = { minCell: 10, roundTo: 5, minPercentBase: 23, includeAsylumSeekers: false };
const COURSES = ['web-dev', 'data', 'care'];
const PATHS = ['evening', 'day'];

/** 600 responses over 2026, each on a course and path its number decides (so a test can count them itself). */
const RESPONSES: StoredResponse[] = [...generateResponses(600, Date.UTC(2026, 0, 1), 50_000_000)].map((r, i) => ({
  ...r,
  context: { courseId: COURSES[i % 3], pathId: PATHS[Math.floor(i / 3) % 2], wave: 'm6' },
}));

const routes = () =>
  researcherRoutes(
    { storage: new MemoryStorage(RESPONSES), surveys: new SurveyRegistry(TEST_SURVEYS), settings },
    allowAll,
  );

describe('report filters: course, path and survey version', () => {
  it.each([
    ['course_id=', 'course_id', /expected the course id as the host page passes it in the widget's courseId option/],
    ['course_id=web%01dev', 'course_id', /1 to 128 characters, no control characters/],
    [`course_id=${'x'.repeat(129)}`, 'course_id', /1 to 128 characters/],
    ['path_id=', 'path_id', /expected the path id as the host page passes it in the widget's pathId option/],
    ['version=two', 'version', /expected a survey version, a whole number such as "2"/],
    ['version=0', 'version', /expected a survey version from 1/],
    ['version=1.5', 'version', /whole number/],
  ])('refuses %s with 400 naming %s and what it expects', async (query, name, message) => {
    const res = await routes().request(`/v1/report?survey=outcomes-test&${query}`);
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error).toMatch(new RegExp(`^GET /v1/report: ${name}: `));
    expect(error).toMatch(message);
  });

  const course = (c: string) => (r: StoredResponse) => r.context?.courseId === c;
  const path = (p: string) => (r: StoredResponse) => r.context?.pathId === p;
  it.each([
    ['course_id=web-dev', course('web-dev')],
    ['path_id=evening', path('evening')],
    ['course_id=data&path_id=day', (r: StoredResponse) => course('data')(r) && path('day')(r)],
    ['version=2', (r: StoredResponse) => r.surveyVersion === 2],
    ['version=1&course_id=care', (r: StoredResponse) => r.surveyVersion === 1 && course('care')(r)],
    ['course_id=care&country=FR', (r: StoredResponse) => course('care')(r) && r.country === 'FR'],
    [
      'course_id=care&from=2026-03&to=2026-04',
      (r: StoredResponse) => course('care')(r) && /^2026-0[34]/.test(r.submittedAt),
    ],
  ])('counts only the responses that %s selects', async (query, keep) => {
    const report = await (await routes().request(`/v1/report?survey=outcomes-test&by=&${query}`)).json();
    const kept = RESPONSES.filter(keep);
    expect(kept.length).toBeGreaterThanOrEqual(settings.minCell);
    expect(kept.length).toBeLessThan(RESPONSES.length);
    expect(report.tables.responses.total).toEqual({ count: roundTo(kept.length, settings.roundTo) });
    const outcomes = kept.filter((r) => r.flags.career_outcome.value === true).length;
    expect(report.tables.career_outcome.total.count).toBe(roundTo(outcomes, settings.roundTo));
  });

  it('counts nothing for a course no response names', async () => {
    const report = await (await routes().request('/v1/report?survey=outcomes-test&by=&course_id=astronomy')).json();
    expect(report.rows).toEqual([]);
    expect(report.tables.responses.total).toEqual({ count: null, suppressed: 'below_k' });
  });
});

describe('export filters: course and path', () => {
  it('passes course_id and path_id to the storage filter, as the report does', () => {
    const o = parseExportOptions({ survey: 'outcomes-test', course_id: 'web-dev', path_id: 'evening' }, 't');
    expect(filterOf(o)).toMatchObject({ surveyId: 'outcomes-test', courseId: 'web-dev', pathId: 'evening' });
  });

  it('exports only the rows of the course asked for', async () => {
    const res = await routes().request('/v1/export?format=jsonl&survey=outcomes-test&course_id=web-dev&path_id=day');
    expect(res.status).toBe(200);
    const ids = (await res.text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).id);
    expect(ids).toEqual(
      RESPONSES.filter((r) => r.context?.courseId === 'web-dev' && r.context.pathId === 'day').map((r) => r.id),
    );
  });

  it('refuses an empty course_id with 400 naming it', async () => {
    const res = await routes().request('/v1/export?survey=outcomes-test&course_id=');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/^GET \/v1\/export: course_id: expected the course id/);
  });
});
