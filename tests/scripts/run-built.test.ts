import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExportRun, exportFixture, runExport } from '../collector/cli/run-export.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

/** `npm run export -- ARGS` as package.json spells it, without npm's banner. */
function npmRunExport(args: string[], env: Record<string, string>): Promise<ExportRun> {
  const script: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.export;
  const [node, ...words] = script.split(/\s+/);
  expect(node).toBe('node');
  const child = spawn(process.execPath, [...words, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run export (compiled by scripts/run-built.mjs)', () => {
  let fixture: Awaited<ReturnType<typeof exportFixture>>;
  let env: Record<string, string>;

  beforeAll(async () => {
    fixture = await exportFixture(30);
    env = { DATABASE_URL: `sqlite:${fixture.database}`, SURVEYS_DIR: fixture.surveysDir };
  });
  afterAll(() => rmSync(fixture.dir, { recursive: true, force: true }));

  it.each([
    ['csv', ['--format', 'csv']],
    ['--labels --excel --bom', ['--labels', '--excel', '--bom']],
    ['jsonl', ['--format', 'jsonl']],
  ])('writes the same bytes as the TypeScript sources run through tsx (%s)', async (_, options) => {
    const args = [...options, '--out', '-'];
    const [built, direct] = await Promise.all([npmRunExport(args, env), runExport(args, env)]);
    expect(built).toMatchObject({ code: 0, stderr: '' });
    expect(built.stdout.length).toBeGreaterThan(1000);
    expect(built.stdout).toBe(direct.stdout);
  });

  it('keeps the command’s own exit code and message for a bad command line', async () => {
    const run = await npmRunExport(['--format', 'xml', '--out', '-'], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^export failed: .*format.*\nnpm run export -- --help lists the options\n$/);
  });
});
