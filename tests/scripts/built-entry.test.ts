import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BuildError, builtEntry } from '../../scripts/built-entry.mjs';

describe('builtEntry', () => {
  let root: string;
  let options: { root: string; cacheDir: string };
  const file = (name: string) => join(root, name);
  const run = (bundle: string) => execFileSync(process.execPath, [bundle], { encoding: 'utf8' }).trim();

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'built-entry-'));
    options = { root, cacheDir: file('.cache') };
    writeFileSync(file('main.ts'), "import { word } from './word.ts';\nconst n: number = 1;\nconsole.log(word, n);\n");
    writeFileSync(file('word.ts'), "export const word: string = 'first';\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('compiles the TypeScript entry and what it imports into one runnable file', async () => {
    const { bundle, rebuilt } = await builtEntry(file('main.ts'), options);
    expect(rebuilt).toBe(true);
    expect(run(bundle)).toBe('first 1');
  });

  it('reuses the bundle while no source changed', async () => {
    const first = await builtEntry(file('main.ts'), options);
    const again = await builtEntry(file('main.ts'), options);
    expect(again).toEqual({ bundle: first.bundle, rebuilt: false });
  });

  it('rebuilds when an imported file changes, even when its modification time is put back', async () => {
    const { bundle } = await builtEntry(file('main.ts'), options);
    const before = statSync(file('word.ts'));
    writeFileSync(file('word.ts'), "export const word: string = 'second';\n");
    utimesSync(file('word.ts'), before.atime, before.mtime);
    const again = await builtEntry(file('main.ts'), options);
    expect(again.rebuilt).toBe(true);
    expect(run(bundle)).toBe('second 1');
  });

  it('rebuilds when an imported file is gone, and names it in the error', async () => {
    await builtEntry(file('main.ts'), options);
    rmSync(file('word.ts'));
    const failed = builtEntry(file('main.ts'), options);
    await expect(failed).rejects.toThrow(BuildError);
    await expect(failed).rejects.toThrow(
      /cannot compile main\.ts:\n.*main\.ts:1:\d+: Could not resolve "\.\/word\.ts"/,
    );
  });

  it('names the file, line and column of a syntax error and how to go on', async () => {
    writeFileSync(file('word.ts'), 'export const word: string = ;\n');
    await expect(builtEntry(file('main.ts'), options)).rejects.toThrow(
      /cannot compile main\.ts:\n {2}.*word\.ts:1:28: Unexpected ";"\nfix the error above and run the command again/,
    );
  });
});
