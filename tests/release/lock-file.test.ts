import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// A fresh clone stays clean after `npm install`, and `npm ci` (.ci/run) accepts the lock, only when
// package-lock.json records every optional dependency of every locked package, the packages for
// other platforms included (vite's Windows-only napi-windows-process-start-time). A lock made
// where the registry did not serve one of them is "out of sync" for npm ci and rewritten by npm install.
type LockEntry = { optionalDependencies?: Record<string, string> };
type Lock = { packages: Record<string, LockEntry> };

const lock: Lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8'));

/** Where npm finds `name` for the package at `from`: its own node_modules, then each parent's, then the root's. */
function resolves(packages: Lock['packages'], from: string, name: string): boolean {
  let dir = from;
  for (;;) {
    if (`${dir ? `${dir}/` : ''}node_modules/${name}` in packages) return true;
    if (!dir) return false;
    const parent = dir.lastIndexOf('/node_modules/');
    dir = parent < 0 ? '' : dir.slice(0, parent);
  }
}

function missingOptionals(packages: Lock['packages']): string[] {
  return Object.entries(packages).flatMap(([path, entry]) =>
    Object.keys(entry.optionalDependencies ?? {})
      .filter((name) => !resolves(packages, path, name))
      .map((name) => `${path || '(root)'} → ${name}`),
  );
}

describe('package-lock.json', () => {
  it('records every optional dependency, for every platform', () => {
    expect(
      missingOptionals(lock.packages),
      'regenerate the lock where the registry serves every platform package: rm package-lock.json && npm install',
    ).toEqual([]);
  });

  it('finds an optional dependency nested under its package or hoisted, and names a missing one', () => {
    const packages = {
      '': {},
      'node_modules/vite': {
        optionalDependencies: { fsevents: '~2.3.3', 'napi-windows-process-start-time': '^0.1.0' },
      },
      'node_modules/fsevents': {},
      'node_modules/a/node_modules/b': { optionalDependencies: { c: '1', d: '1' } },
      'node_modules/a/node_modules/c': {},
      'node_modules/a/node_modules/b/node_modules/d': {},
    };
    expect(missingOptionals(packages)).toEqual(['node_modules/vite → napi-windows-process-start-time']);
  });
});
