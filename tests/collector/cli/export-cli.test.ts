import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFixture, runExport } from './run-export.ts';

const ROWS = 20;
// Generated ids are 00000000-0000-7000-8000-<row number>; row n is in country FR when n % 5 === 0
// and was submitted n minutes after 2024-01-01T00:00Z (tests/support/generate-responses.ts).
const ROW_START = /^00000000-0000-7000-8000-\d{12}[,;]/gm;
const rowsIn = (csv: string) => csv.match(ROW_START)?.length ?? 0;

describe('npm run export', () => {
  let fixture: Awaited<ReturnType<typeof exportFixture>>;
  let env: Record<string, string>;
  const file = (name: string) => join(fixture.dir, name);

  beforeAll(async () => {
    fixture = await exportFixture(ROWS);
    env = { DATABASE_URL: `sqlite:${fixture.database}`, SURVEYS_DIR: fixture.surveysDir };
  });
  afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));

  it('writes every response as CSV to the file given, with the survey’s columns and quoted text', async () => {
    const run = await runExport(['--format', 'csv', '--out', file('all.csv')], env);
    expect(run).toMatchObject({ code: 0, stdout: '', stderr: `wrote ${file('all.csv')}\n` });
    const csv = readFileSync(file('all.csv'), 'utf8');
    const header = csv.slice(0, csv.indexOf('\r\n')).split(',');
    expect(header.slice(0, 5)).toEqual(['id', 'survey_id', 'survey_version', 'locale', 'country']);
    expect(header).toEqual(expect.arrayContaining(['changes__apprenticeship', 'comment', 'flag_any_underserved']));
    expect(rowsIn(csv)).toBe(ROWS);
    expect(csv).toContain(`00000000-0000-7000-8000-000000000013,outcomes-test,1,fr,KE,2024-01-01T00:13:00.000Z,`);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  });

  it('writes JSON lines to standard output with --out -', async () => {
    const run = await runExport(['--format', 'jsonl', '--out', '-'], env);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(ROWS);
    expect(lines[13]).toMatchObject({ id: '00000000-0000-7000-8000-000000000013', surveyId: 'outcomes-test' });
    expect(lines[13].answers.comment).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it('writes a BOM and semicolons with --excel', async () => {
    const run = await runExport(['--excel', '--out', file('excel.csv')], env);
    expect(run.code).toBe(0);
    const csv = readFileSync(file('excel.csv'), 'utf8');
    expect(csv.startsWith('\uFEFFid;survey_id;survey_version;')).toBe(true);
    expect(rowsIn(csv)).toBe(ROWS);
  });

  it('writes the CSV, datapackage.json and codebook.md into the folder with --codebook', async () => {
    const folder = file('codebook');
    const run = await runExport(['--codebook', '--excel', '--out', folder], env);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(join(folder, 'codebook.md'));
    expect(rowsIn(readFileSync(join(folder, 'outcomes-test.csv'), 'utf8'))).toBe(ROWS);
    const [resource] = JSON.parse(readFileSync(join(folder, 'datapackage.json'), 'utf8')).resources;
    expect(resource).toMatchObject({ path: 'outcomes-test.csv', dialect: { delimiter: ';', header: true } });
    const markdown = readFileSync(join(folder, 'codebook.md'), 'utf8');
    expect(markdown).toMatch(/^# Codebook: Test outcomes \(`outcomes-test`\)/);
    expect(markdown).toContain('| `situation` | string | Main situation? | 1, 2 |');
  });

  it.each([
    [['--country', 'FR'], 4],
    [['--from', '2024-01-01T00:10:00Z'], 10],
    [['--to', '2024-01-01T00:04:59Z'], 5],
    [['--version', '2'], 7],
  ])('keeps only the matching rows with %j', async (filter, expected) => {
    const run = await runExport([...filter, '--out', '-'], env);
    expect(run.code).toBe(0);
    expect(rowsIn(run.stdout)).toBe(expected);
  });

  it('prints its usage with --help', async () => {
    const run = await runExport(['--help'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: npm run export -- --out FILE\|-/);
  });

  it.each([
    ['an unknown flag', ['--bogus'], 2, /^export failed: Unknown option '--bogus'\n.*--help/],
    [
      'a bad date',
      ['--from', 'yesterday', '--out', '-'],
      2,
      /^export failed: npm run export: from: expected a date such as/,
    ],
    [
      'a bad country',
      ['--country', 'fr', '--out', '-'],
      2,
      /^export failed: npm run export: country: expected an ISO 3166-1/,
    ],
    ['no --out', [], 2, /^export failed: --out: required/],
    ['an unknown survey', ['--survey', 'nope', '--out', '-'], 2, /^export failed: survey: unknown survey "nope"/],
  ])('exits with the problem on stderr for %s', async (_, args, code, message) => {
    const run = await runExport(args, env);
    expect(run).toMatchObject({ code, stdout: '' });
    expect(run.stderr).toMatch(message);
  });

  it('fails naming the path, and creates nothing, when the database file does not exist', async () => {
    const missing = file('no-such-folder/responses.sqlite');
    const run = await runExport(['--out', file('none.csv')], { ...env, DATABASE_URL: `sqlite:${missing}` });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `export failed: DATABASE_URL: no SQLite database at ${missing} (check the path; nothing was created)\n`,
    );
    expect(existsSync(file('no-such-folder'))).toBe(false);
    expect(existsSync(file('none.csv'))).toBe(false);
  });

  it.each([
    ['a file that is not SQLite', 'garbage.sqlite', 'file is not a database'],
    ['a folder', 'surveys', 'unable to open database file'],
  ])('fails naming the path when the database is %s', async (_, name, reason) => {
    if (name === 'garbage.sqlite') writeFileSync(file(name), 'not a database, just text\n'.repeat(100));
    const run = await runExport(['--out', '-'], { ...env, DATABASE_URL: `sqlite:${file(name)}` });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toBe(`export failed: DATABASE_URL: cannot open the SQLite database ${file(name)}: ${reason}\n`);
  });
});
