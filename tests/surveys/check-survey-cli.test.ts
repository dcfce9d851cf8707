import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const run = (...files: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'collector/cli/check-survey.ts', ...files], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'check-survey-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run check-survey', () => {
  it('exits 0 with a one-line summary when every file is valid', () => {
    const { code, out, err } = run('surveys/career-outcomes.json');
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out.trim().split('\n')).toEqual([
      '1 survey file valid: career-outcomes v1 (packs: default, FR, GB, US, JP)',
    ]);
  });

  it('exits 1 and prints each error as FILE: path: message', () => {
    const bad = 'tests/fixtures/invalid-surveys/duplicate-option-id.json';
    const { code, out, err } = run('surveys/career-outcomes.json', bad);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toEqual([
      `${bad}: questions[3].options[1].id: duplicate id "employed"`,
      '1 of 2 survey files invalid',
    ]);
  });

  it.each([
    ['a missing file', 'missing.json', '(file): no such file'],
    ['a file that is not JSON', 'broken.json', '(file): not valid JSON'],
  ])('exits 1 on %s, naming it', (_name, base, message) => {
    const file = join(dir, base);
    if (base === 'broken.json') writeFileSync(file, '{ "id": ');
    const { code, err } = run(file);
    expect(code).toBe(1);
    expect(err).toContain(`${file}: ${message}`);
  });

  it('exits 2 with usage when given no file', () => {
    const { code, err } = run();
    expect(code).toBe(2);
    expect(err).toContain('usage: npm run check-survey -- [--allow-missing-translations] FILE...');
  });
});
