import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, ensureBuild, ROOT } from './ensure-build.ts';

// What `npm publish` would upload: exactly these files, nothing from collector/, tests/, data/.
const FIXED = [
  'CHANGELOG.md',
  'LICENSE',
  'PRIVACY.md',
  'dist/index.d.ts',
  'dist/index.js',
  'dist/outcome-survey-link-sw.js',
  'dist/outcome-survey-sw-import.js',
  'dist/outcome-survey-sw.js',
  'dist/outcome-survey-worker.js',
  'dist/outcome-survey.js',
  'dist/public-types.d.ts',
  'dist/sri.json',
  'package.json',
  'protocol/survey-definition.schema.json',
  // npm packs a README whenever there is one; the release needs it, but another issue writes it.
  ...(existsSync(join(ROOT, 'README.md')) ? ['README.md'] : []),
];
// Lazy chunks carry a content hash of six characters (vite.config.ts).
const CHUNK = /^dist\/outcome-survey-[\w.-]+-[\w-]{6}\.js$/;

type Packed = { files: { path: string }[] };
let packed: string[];

beforeAll(() => {
  ensureBuild();
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  packed = (JSON.parse(out) as Packed[])[0].files.map((f) => f.path).sort();
}, 300_000);

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('npm pack', () => {
  it('lists the fixed files and the hashed chunks, and nothing else', () => {
    const unexpected = packed.filter((p) => !FIXED.includes(p) && !CHUNK.test(p));
    expect(unexpected).toEqual([]);
    expect(FIXED.filter((p) => !packed.includes(p))).toEqual([]);
  });

  it('includes every script the build wrote, so no lazy chunk is missing at run time', () => {
    const built = Object.keys(JSON.parse(readFileSync(join(DIST, 'sri.json'), 'utf8'))).map((f) => `dist/${f}`);
    expect(built.filter((f) => !packed.includes(f))).toEqual([]);
    expect(packed.filter((p) => CHUNK.test(p)).length).toBeGreaterThan(0);
  });

  it.each(Object.entries(pkg.exports as Record<string, string | Record<string, string>>))(
    'packs the target of export %s',
    (_name, target) => {
      const targets = typeof target === 'string' ? [target] : Object.values(target);
      for (const t of targets) expect(packed).toContain(t.replace(/^\.\//, ''));
    },
  );

  it('packs the top-level types entry', () => {
    expect(packed).toContain(pkg.types.replace(/^\.\//, ''));
  });

  it.each(['collector/', 'tests/', 'data/', 'demo/', 'bench/', 'scripts/', 'surveys/', 'dist/.vite/', 'node_modules/'])(
    'leaves out %s',
    (dir) => {
      expect(packed.filter((p) => p.startsWith(dir))).toEqual([]);
    },
  );
});
