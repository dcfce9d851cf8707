import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqliteStorage } from '../../../collector/storage/sqlite/sqlite-storage.ts';
import { many, member, stored } from '../impact/impact-fixture.ts';
import { runExport } from './run-export.ts';

// 12 respondents of 2026 on the roster of cohort c26 (20 members): 8 credit the training, 4 do not.
describe('npm run impact-report', () => {
  let dir: string;
  let env: Record<string, string>;
  const run = (args: string[]) => runExport(args, env, 'impact-report');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'impact-cli-'));
    const database = join(dir, 'responses.sqlite');
    const storage = sqliteStorage(database);
    await storage.migrate();
    await storage.importRoster(
      'c26',
      Array.from({ length: 20 }, (_, i) => member(`l${i}`)),
      '2026-01-01T00:00:00.000Z',
    );
    await storage.insert(
      [...many(8, 'l', { outcome: true, cohort: 'c26' }), ...many(4, 'x', { outcome: false, cohort: 'c26' })].map(
        (a, i) => stored({ ...a, learner: a.learner === undefined ? undefined : `${a.learner}-${i}` }),
      ),
    );
    await storage.close();
    env = {
      DATABASE_URL: `sqlite:${database}`,
      SURVEYS_DIR: 'surveys',
      MIN_CELL: '1',
      ROUND_TO: '1',
      MIN_PERCENT_BASE: '1',
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the HTML report', async () => {
    const out = join(dir, 'impact.html');
    const r = await run(['--survey', 'career-outcomes', '--year', '2026', '--out', out]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('Impact report 2026: career-outcomes');
    expect(html).not.toContain('<script');
  });

  it('writes the figures as JSON with --format json: 8 of 12 credit the training', async () => {
    const out = join(dir, 'impact.json');
    const r = await run(['--survey', 'career-outcomes', '--year', '2026', '--out', out, '--format', 'json']);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.careerOutcomes.count.count).toBe(8);
    expect(json.careerOutcomes.rateAmongKnown).toMatchObject({ numerator: 8, denominator: 12 });
  });

  it('writes an evidence folder whose manifest sha256sum -c verifies', async () => {
    const evidence = join(dir, 'evidence');
    const r = await run([
      '--survey',
      'career-outcomes',
      '--year',
      '2026',
      '--out',
      join(dir, 'e.html'),
      '--evidence',
      evidence,
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const files = readdirSync(evidence);
    expect(files).toEqual(expect.arrayContaining(['README.txt', 'manifest.sha256', 'careerOutcomes.count.txt']));
    const ids = readFileSync(join(evidence, 'careerOutcomes.count.txt'), 'utf8').trim().split('\n');
    expect(ids).toHaveLength(8);
    expect(ids).toEqual([...ids].sort());
    const check = execFileSync('sha256sum', ['-c', 'manifest.sha256'], { cwd: evidence, encoding: 'utf8' });
    expect(check).toContain('careerOutcomes.count.txt: OK');
    expect(check.trim().split('\n')).toHaveLength(files.length - 1);
  });

  it.each([
    [['--year', '2026', '--out', 'x.html'], /survey is missing/],
    [['--survey', 'career-outcomes', '--year', '26', '--out', 'x.html'], /year "26": expected a calendar year/],
    [['--survey', 'career-outcomes', '--year', '2026'], /--out is missing/],
    [
      ['--survey', 'career-outcomes', '--year', '2026', '--out', 'x', '--format', 'pdf'],
      /--format "pdf": expected html or json/,
    ],
    [['--colour', 'red'], /Unknown option '--colour'/],
  ])('refuses %j with exit code 2 and names the flag', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('prints the usage with --help and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--evidence DIR');
  });
});
