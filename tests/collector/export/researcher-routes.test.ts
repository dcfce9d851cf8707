import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppDeps } from '../../../collector/app-deps.ts';
import { researcherRoutes } from '../../../collector/researcher/researcher-routes.ts';
import { openStorage } from '../../../collector/storage/open-storage.ts';
import type { Storage } from '../../../collector/storage/storage.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { allowAll } from '../../support/allow-all.ts';
import { generateResponses, TEST_SURVEYS } from '../../support/generate-responses.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';
import { TOKEN, testApp } from '../http/test-app.ts';

const settings = {
  minCell: 10,
  roundTo: 5,
  minPercentBase: 23,
  includeAsylumSeekers: false,
};
const deps = (storage: Storage): AppDeps => ({ storage, surveys: new SurveyRegistry(TEST_SURVEYS), settings });

describe('researcherRoutes', () => {
  const app = researcherRoutes(deps(new MemoryStorage(generateResponses(200))), allowAll);

  it('streams a CSV with a download name', async () => {
    const res = await app.request('/v1/export?format=csv&survey=outcomes-test&excel=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="outcomes-test.csv"');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('id;survey_id;')).toBe(true);
    expect(text.trimEnd().split('\r\n')).toHaveLength(201);
  });

  it.each([
    ['/v1/export?format=xml', 400, /GET \/v1\/export: format/],
    ['/v1/export?survey=nope', 404, /unknown survey "nope"/],
    ['/v1/report?by=refugee', 400, /"refugee" is not a report dimension/],
    ['/v1/codebook?format=pdf', 400, /format: expected json, markdown or datapackage/],
  ])('answers %s with %d and a message naming the problem', async (path, status, message) => {
    const res = await app.request(path);
    expect(res.status).toBe(status);
    expect((await res.json()).error).toMatch(message);
  });

  it('serves the codebook as JSON, Markdown and a data package', async () => {
    expect((await (await app.request('/v1/codebook?survey=outcomes-test')).json()).variables[0].name).toBe('id');
    expect(await (await app.request('/v1/codebook?format=markdown')).text()).toContain('# Codebook');
    expect((await (await app.request('/v1/codebook?format=datapackage')).json()).profile).toBe('tabular-data-package');
  });

  it('serves a disclosure-controlled report and the delivery counts', async () => {
    const report = await (await app.request('/v1/report?survey=outcomes-test&by=country')).json();
    expect(report.tables.responses.total.count).toBe(200);
    const delivery = await (await app.request('/v1/report/delivery?survey=outcomes-test')).json();
    expect(delivery.days).toEqual(['2024-01-01']);
    expect(delivery.rejected).toEqual([0]);
  });

  it.each([
    ['/v1/dashboard', /^text\/html/],
    ['/v1/dashboard/app.js', /^text\/javascript/],
    ['/v1/dashboard/app.css', /^text\/css/],
  ])('serves %s under a CSP without inline script or style', async (path, type) => {
    const res = await app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(type);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });
});

describe('the export download name', () => {
  const app = researcherRoutes(deps(new MemoryStorage(generateResponses(3))), allowAll);

  it.each([
    ['csv', 'survey=outcomes-test', 'attachment; filename="outcomes-test.csv"'],
    ['jsonl', 'survey=outcomes-test', 'attachment; filename="outcomes-test.jsonl"'],
    ['jsonl', '', 'attachment; filename="responses.jsonl"'],
  ])('names a %s export %j as %s', async (format, query, header) => {
    const res = await app.request(`/v1/export?format=${format}&${query}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(header);
  });

  it.each([
    ['a quote and a second filename*', 'evil%22%3B%20filename%2A%3DUTF-8%27%27pwn.html%3B%20x%3D%22'],
    ['a CR LF and a header', 'outcomes%0D%0ASet-Cookie%3A%20a%3D1'],
    ['a path', '..%2F..%2Fetc%2Fpasswd'],
    ['a backslash', 'a%5Cb'],
    ['upper case', 'Outcomes'],
    ['65 characters', 'a'.repeat(65)],
  ])('refuses a survey with %s in both formats, naming the rule, without a download', async (_name, survey) => {
    for (const format of ['csv', 'jsonl']) {
      const res = await app.request(`/v1/export?format=${format}&survey=${survey}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-disposition')).toBeNull();
      expect((await res.json()).error).toBe(
        'GET /v1/export: survey: expected a survey id: lowercase letters, digits, "-" and "_", starting with a letter, at most 64 characters',
      );
    }
  });

  it.each(['csv', 'jsonl'])('answers an unknown survey in %s with 404, naming the known ones', async (format) => {
    const res = await app.request(`/v1/export?format=${format}&survey=nope`);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toBe('survey: unknown survey "nope" (known: outcomes-test)');
  });

  it('answers a CR LF in the survey with a 400, logged as 400, through the whole app', async () => {
    const { app: whole, log } = testApp();
    const res = await whole.request('/v1/export?format=jsonl&survey=x%0D%0Ay', {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(400);
    expect(log.lines).toContainEqual(expect.objectContaining({ path: '/v1/export', status: 400 }));
    expect(log.lines).not.toContainEqual(expect.objectContaining({ event: 'unhandled' }));
  });
});

describe('researcherRoutes over SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'researcher-sqlite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exports what the SQLite storage holds, in submission order', async () => {
    const storage = await openStorage(`sqlite:${join(dir, 'db.sqlite')}`);
    try {
      const rows = [...generateResponses(50)];
      await storage.insert(rows);
      const res = await researcherRoutes(deps(storage), allowAll).request('/v1/export?format=jsonl&country=FR');
      const lines = (await res.text())
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(lines.map((l) => l.id)).toEqual(rows.filter((r) => r.country === 'FR').map((r) => r.id));
      expect(lines[0].sensitiveAnswers).toEqual(rows.find((r) => r.country === 'FR')?.sensitiveAnswers);
    } finally {
      await storage.close();
    }
  });
});
