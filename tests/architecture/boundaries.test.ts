import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The boundaries of shared/DESIGN.md, checked on every import of every source file.
const root = resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Relative import targets of a file, resolved to repository paths, plus its bare package imports. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const text = readFileSync(join(root, file), 'utf8');
  // Static imports and re-exports start a line; dynamic import() may stand anywhere.
  const statics = /^\s*(?:import|export)\s(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  const dynamics = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  const specs = [...text.matchAll(statics), ...text.matchAll(dynamics)].map((m) => m[1]);
  const local = specs.filter((s) => s.startsWith('.')).map((s) => relative(root, resolve(root, dirname(file), s)));
  const packages = specs.filter((s) => !s.startsWith('.') && !s.startsWith('node:'));
  return { local, packages };
}

const rules: { from: string; mayNotImport: RegExp; why: string }[] = [
  { from: 'widget', mayNotImport: /^collector\//, why: 'browser code never imports collector code' },
  { from: 'worker', mayNotImport: /^collector\//, why: 'browser code never imports collector code' },
  { from: 'collector', mayNotImport: /^(widget|worker)\//, why: 'the collector never imports browser code' },
  {
    from: 'protocol',
    mayNotImport: /^(widget|worker|collector|demo|bench|tests)\//,
    why: 'protocol imports nothing of ours',
  },
  { from: 'widget', mayNotImport: /^worker\/service-worker/, why: 'the service-worker entry is imported by nothing' },
  {
    from: 'collector',
    mayNotImport: /^worker\/service-worker/,
    why: 'the service-worker entry is imported by nothing',
  },
  { from: 'demo', mayNotImport: /^(widget|worker)\//, why: 'the demo uses the built widget, not its source' },
];

describe('architecture boundaries', () => {
  it.each(rules)('$from: $why', ({ from, mayNotImport }) => {
    const offending = sourceFiles(from).flatMap((file) =>
      importsOf(file)
        .local.filter((target) => mayNotImport.test(target))
        .map((target) => `${file} imports ${target}`),
    );
    expect(offending).toEqual([]);
  });

  it('widget: only widget/delivery/ talks to worker/ (queue, flush, sync)', () => {
    const offending = sourceFiles('widget')
      .filter((file) => !file.startsWith('widget/delivery/'))
      .flatMap((file) =>
        importsOf(file)
          .local.filter((target) => target.startsWith('worker/'))
          .map((target) => `${file} imports ${target}`),
      );
    expect(offending).toEqual([]);
  });

  it('protocol depends on zod only', () => {
    const packages = new Set(sourceFiles('protocol').flatMap((f) => importsOf(f).packages));
    expect([...packages].filter((p) => !p.startsWith('zod'))).toEqual([]);
  });

  it('browser code uses zod/mini, never classic zod', () => {
    const classic = ['widget', 'worker', 'protocol'].flatMap((dir) =>
      sourceFiles(dir).filter((f) => importsOf(f).packages.some((p) => p === 'zod' || p === 'zod/v4')),
    );
    expect(classic).toEqual([]);
  });

  it('only the outbox touches idb-keyval', () => {
    const users = ['widget', 'worker', 'collector'].flatMap((dir) =>
      sourceFiles(dir).filter((f) => importsOf(f).packages.includes('idb-keyval')),
    );
    expect(users).toEqual(['worker/outbox.ts']);
  });

  it('sees static, type-only, side-effect and dynamic imports (self-check of the scanner)', () => {
    const probe = importsOf('tests/architecture/boundaries.test.ts');
    expect(probe.packages).toEqual(expect.arrayContaining(['vitest']));
    const loader = importsOf('widget/entry/loader.ts');
    expect(loader.local.length).toBeGreaterThan(0);
  });
});
