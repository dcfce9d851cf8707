import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFixture, runExport } from './run-export.ts';

// 120 generated responses: 24 in each of five countries, all submitted in January 2024
// (tests/support/generate-responses.ts). The collector's default rules: k = 10, rounding to 5.
const ROWS = 120;

describe('npm run report', () => {
  let fixture: Awaited<ReturnType<typeof exportFixture>>;
  let env: Record<string, string>;
  const report = (args: string[], over: Record<string, string> = {}) => runExport(args, { ...env, ...over }, 'report');

  beforeAll(async () => {
    fixture = await exportFixture(ROWS);
    env = { DATABASE_URL: `sqlite:${fixture.database}`, SURVEYS_DIR: fixture.surveysDir };
  });
  afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));

  it('prints the disclosure-controlled report as JSON, counts rounded to 5', async () => {
    const run = await report(['--by', 'country']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(run.stdout);
    expect(json).toMatchObject({ survey: 'outcomes-test', by: ['country'], rules: { minCell: 10, roundTo: 5 } });
    expect(json.rows).toEqual(['FR', 'GB', 'JP', 'KE', 'US']);
    // 24 responses in each country: shown, rounded to 25.
    expect(json.tables.responses.cells.map((row: { count: number }[]) => row[0].count)).toEqual([25, 25, 25, 25, 25]);
  });

  it('writes the same report to a file with --out, and hides cells under k', async () => {
    const out = join(fixture.dir, 'report.json');
    const run = await report(['--by', 'country,month', '--country', 'FR', '--out', out]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.rows).toEqual(['FR']);
    expect(json.tables.responses.cells[0][0]).toMatchObject({ count: 25 });
    expect(json.tables.disability.cells[0][0]).toMatchObject({ count: null, suppressed: expect.any(String) });
  });

  it('lists every option with an example on --help, and exits 0 without opening the database', async () => {
    const run = await report(['--help'], { DATABASE_URL: `sqlite:${join(fixture.dir, 'absent.sqlite')}` });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    for (const option of [
      'format',
      'survey',
      'by',
      'country',
      'course_id',
      'path_id',
      'version',
      'from',
      'to',
      'out',
    ]) {
      expect(run.stdout).toMatch(new RegExp(`--${option} .+--${option} \\S`));
    }
  });

  it('prints each measure as CSV lines with row, period and totals; a withheld cell is empty with its reason', async () => {
    const run = await report(['--by', 'country,month', '--country', 'FR', '--format', 'csv']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\r\n');
    expect(lines[0]).toBe('measure,row,period,count,percent,suppressed');
    expect(lines).toContain('responses,FR,2024-01,25,,');
    expect(lines).toContain('responses,total,total,25,,');
    // Fewer than k = 10 of FR's 24 responses report a disability: withheld, not a zero.
    expect(lines).toContain('disability,FR,2024-01,,,below_k');
    const measures = new Set(lines.slice(1, -1).map((l) => l.split(',')[0]));
    expect([...measures]).toEqual(JSON.parse((await report(['--by', 'country'])).stdout).measures);
  });

  it('writes Markdown with one table per measure, its totals, and withheld cells said in words', async () => {
    const out = join(fixture.dir, 'report.md');
    const run = await report(['--by', 'country,month', '--country', 'FR', '--format', 'md', '--out', out]);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const md = readFileSync(out, 'utf8');
    expect(md).toContain(
      '## responses\n\n| country | 2024-01 | total |\n| --- | ---: | ---: |\n| FR | 25 | 25 |\n| total | 25 | 25 |',
    );
    expect(md).toMatch(/## disability\n\n.*\n.*\n\| FR \| withheld \(fewer than 10\) \|/);
    expect(md).toContain('## Notes');
  });

  it.each([
    [['--format', 'xlsx'], /--format: "xlsx" is not a report format; use one of json, csv, md/],
    [['--by', 'country,disability'], /by: "disability" is not a report dimension .*never crossed/],
    [['--from', 'last week'], /from: expected a whole month YYYY-MM such as "2026-01"/],
    // Its output is meant to be published, so the token holder's CLI keeps the aggregate routes' month rule.
    [['--from', '2026-01-31'], /from: expected a whole month YYYY-MM such as "2026-01"/],
    [['--colour', 'red'], /Unknown option '--colour'/],
  ])('refuses %j with exit code 2 and a message naming the problem', async (args, message) => {
    const run = await report(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
  });

  it('refuses a mistyped database path instead of reporting on an empty new database', async () => {
    const missing = join(fixture.dir, 'no-such.sqlite');
    const run = await report([], { DATABASE_URL: `sqlite:${missing}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `report failed: DATABASE_URL: no SQLite database at ${missing} (check the path; nothing was created)\n`,
    );
  });
});
