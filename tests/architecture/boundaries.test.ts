import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
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

/** A relative import target as the file it names: itself, or with .ts/.tsx, or its folder's index. */
function fileOf(target: string): string {
  const candidates = [target, `${target}.ts`, `${target}.tsx`, join(target, 'index.ts')];
  return candidates.find((c) => existsSync(join(root, c)) && statSync(join(root, c)).isFile()) ?? target;
}

/**
 * Import circles among the files of one folder, each as the path that closes it ("a.ts → b.ts → a.ts").
 * A depth-first walk over every import the scanner sees, type-only ones included: a circle of types
 * still ties two files so that neither can be read, moved or loaded without the other.
 */
function importCircles(dir: string): string[] {
  const files = sourceFiles(dir);
  const inDir = new Set(files);
  const edges = new Map(
    files.map((f) => [f, [...new Set(importsOf(f).local.map(fileOf))].filter((t) => inDir.has(t))]),
  );
  const done = new Set<string>();
  const onPath: string[] = [];
  const circles = new Map<string, string>();
  const visit = (file: string) => {
    onPath.push(file);
    for (const next of edges.get(file) ?? []) {
      const at = onPath.indexOf(next);
      if (at >= 0) {
        const circle = onPath.slice(at);
        // One entry per circle, whichever file the walk entered it by.
        const key = [...circle].sort().join(' ');
        if (!circles.has(key)) circles.set(key, [...circle, next].join(' → '));
      } else if (!done.has(next)) visit(next);
    }
    onPath.pop();
    done.add(file);
  };
  for (const f of files) if (!done.has(f)) visit(f);
  return [...circles.values()];
}

/**
 * A file or folder named by when it loads (later-parts.ts, en-first.ts, later/) rather than by what it
 * does: STYLE.md habit 10 cuts the lazy boundary at a folder with one entry file instead.
 */
const LOAD_TIME_NAME = /(^|[-/])(later|first|early|lazy|eager|deferred)([-./])/;
// The lazy API stand-in's job is laziness itself: it takes the host's calls and replays them once the
// real API has loaded, so "lazy" names what it does, and it loads with the loader, not late.
const NAMED_BY_JOB = new Set(['lazy-api.ts']);

const rules: { from: string; mayNotImport: RegExp; why: string }[] = [
  { from: 'widget', mayNotImport: /^collector\//, why: 'browser code never imports collector code' },
  { from: 'worker', mayNotImport: /^collector\//, why: 'browser code never imports collector code' },
  { from: 'collector', mayNotImport: /^(widget|worker)\//, why: 'the collector never imports browser code' },
  {
    from: 'protocol',
    mayNotImport: /^(widget|worker|collector|demo|bench|tests)\//,
    why: 'protocol imports nothing of ours',
  },
  {
    from: 'widget',
    mayNotImport: /^worker\/sw\/service-worker/,
    why: 'the service-worker entry is imported by nothing',
  },
  {
    from: 'collector',
    mayNotImport: /^worker\/sw\/service-worker/,
    why: 'the service-worker entry is imported by nothing',
  },
  // The worker in layers (as Workbox's background sync): storage under delivery policy under the entries.
  { from: 'worker/storage', mayNotImport: /^worker\/(delivery|sw)\//, why: 'storage knows nothing of delivery' },
  { from: 'worker/delivery', mayNotImport: /^worker\/sw\//, why: 'delivery policy knows nothing of the entries' },
  {
    from: 'worker',
    mayNotImport: /^worker\/sw\/service-worker/,
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

  it.each(['widget', 'worker', 'protocol', 'collector'])('%s has no import circle', (dir) => {
    expect(importCircles(dir)).toEqual([]);
  });

  it.each(['widget', 'worker'])('%s names no file by when it loads', (dir) => {
    const named = sourceFiles(dir).filter(
      (f) => LOAD_TIME_NAME.test(relative(dir, f)) && !NAMED_BY_JOB.has(f.split('/').pop() ?? ''),
    );
    expect(named).toEqual([]);
  });

  it.each([
    ['widget/ui/later-parts.ts', true],
    ['widget/ui/load-later-parts.ts', true],
    ['widget/ui/later-css.ts', true],
    ['widget/ui/screens/later-screen.tsx', true],
    ['widget/i18n/en-later.ts', true],
    ['widget/i18n/en-first.ts', true],
    ['widget/later/consent.tsx', true],
    ['widget/ui/rest/consent-screen.tsx', false],
    ['widget/i18n/en.ts', false],
    ['widget/ui/survey-flow.ts', false],
    ['worker/delivery/flush-report.ts', false],
    ['widget/ui/first-question.tsx', true],
    ['widget/core/triggers/after-delay.ts', false],
  ])('takes %s for a load-time name: %s (self-check of the rule)', (path, flagged) => {
    expect(LOAD_TIME_NAME.test(path)).toBe(flagged);
  });

  it('reports a circle as the path that closes it (self-check of the walk)', () => {
    expect(importCircles('tests/architecture/fixtures/circle')).toEqual([
      'tests/architecture/fixtures/circle/a.ts → tests/architecture/fixtures/circle/b.ts → tests/architecture/fixtures/circle/a.ts',
    ]);
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

  it('only the outbox storage (worker/storage/) touches idb-keyval', () => {
    const users = ['widget', 'worker', 'collector'].flatMap((dir) =>
      sourceFiles(dir).filter((f) => importsOf(f).packages.includes('idb-keyval')),
    );
    expect(users.length).toBeGreaterThan(0);
    expect(users.filter((f) => !f.startsWith('worker/storage/'))).toEqual([]);
  });

  it('enters widget/ui/rest/ only through its index, lazily (type imports aside)', () => {
    const rest = 'widget/ui/rest/';
    // i18n/en.ts is the complete English table for scripts and tests; the widget imports only its type.
    const eager = sourceFiles('widget')
      .filter((f) => !f.startsWith(rest) && f !== 'widget/i18n/en.ts')
      .flatMap((file) => {
        const text = readFileSync(join(root, file), 'utf8');
        const statics = [...text.matchAll(/^\s*(?:import|export)\s(?!type\s)(?:[^;'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)];
        const dynamics = [...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)];
        const into = (m: RegExpMatchArray) => relative(root, resolve(root, dirname(file), m[1]));
        return [
          ...statics.map(into).filter((t) => t.startsWith(rest)),
          ...dynamics.map(into).filter((t) => t.startsWith(rest) && t !== `${rest}index.ts`),
        ].map((t) => `${file} imports ${t}`);
      });
    expect(eager).toEqual([]);
  });

  it('sees static, type-only, side-effect and dynamic imports (self-check of the scanner)', () => {
    const probe = importsOf('tests/architecture/boundaries.test.ts');
    expect(probe.packages).toEqual(expect.arrayContaining(['vitest']));
    const loader = importsOf('widget/entry/loader.ts');
    expect(loader.local.length).toBeGreaterThan(0);
  });
});
