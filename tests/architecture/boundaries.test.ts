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

/** Import circles among a folder's files, each as the path that closes it. */
function circlesIn(dir: string): string[] {
  const files = new Set(sourceFiles(dir));
  const circles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const target of importsOf(file).local.filter((t) => files.has(t))) {
      if (state.get(target) === 'open') circles.push([...path.slice(path.indexOf(target)), target].join(' → '));
      else if (!state.has(target)) visit(target);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return circles;
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

  // Issue 15: worker/apply-verdict.ts and flush.ts imported each other over FlushReport.
  it.each(['worker', 'protocol'])('%s has no import circle', (dir) => {
    expect(circlesIn(dir)).toEqual([]);
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

  it('names no file by when it loads (a lazy boundary is a folder with one entry, e.g. widget/ui/rest/)', () => {
    const byLoadTime = /(^|[/-])(later|first|en-later|en-first)([-.]|$)/;
    const named = ['widget', 'worker', 'protocol', 'collector'].flatMap((dir) =>
      sourceFiles(dir).filter((f) => byLoadTime.test(f.split('/').pop() ?? '')),
    );
    expect(named).toEqual([]);
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

  it.each(['widget/ui', 'widget/i18n'])('%s has no import circle (type-only imports included)', (dir) => {
    const files = sourceFiles(dir);
    const edges = new Map(files.map((f) => [f, importsOf(f).local.filter((t) => t.startsWith(`${dir}/`))]));
    const circles: string[] = [];
    const done = new Set<string>();
    const visit = (file: string, trail: string[]) => {
      if (trail.includes(file)) return void circles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
      if (done.has(file)) return;
      for (const target of edges.get(file) ?? []) visit(target, [...trail, file]);
      done.add(file);
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });

  it('sees static, type-only, side-effect and dynamic imports (self-check of the scanner)', () => {
    const probe = importsOf('tests/architecture/boundaries.test.ts');
    expect(probe.packages).toEqual(expect.arrayContaining(['vitest']));
    const loader = importsOf('widget/entry/loader.ts');
    expect(loader.local.length).toBeGreaterThan(0);
  });
});
