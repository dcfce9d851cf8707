import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// Byte budgets of issue 5, on the real build (global setup runs `npm run build`).
const dist = resolve(import.meta.dirname, '../../dist');
type Chunk = { file: string; imports?: string[]; dynamicImports?: string[] };
const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;

const brotli = (file: string) => {
  const buf = readFileSync(join(dist, file));
  return brotliCompressSync(buf, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;
};

/** The files a manifest entry needs before it runs: itself and its static imports, transitively. */
function staticClosure(keys: string[], into = new Set<string>()): Set<string> {
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk)
      throw new Error(`dist/.vite/manifest.json has no entry ${key}; known: ${Object.keys(manifest).join(', ')}`);
    if (into.has(chunk.file)) continue;
    into.add(chunk.file);
    staticClosure(chunk.imports ?? [], into);
  }
  return into;
}

/** A module's manifest key: its source path when it is a chunk of its own, else the shared chunk named after it. */
function keyOf(source: string): string {
  if (manifest[source]) return source;
  const name = source
    .split('/')
    .pop()
    ?.replace(/\.tsx?$/, '');
  const key = Object.keys(manifest).find((k) => manifest[k].file.startsWith(`outcome-survey-${name}-`));
  if (!key) throw new Error(`no chunk for ${source} in dist/.vite/manifest.json`);
  return key;
}

// The path to the first question: loader → core (options, triggers) → UI chunk and the UI-locale picker.
const firstQuestion = staticClosure(
  ['widget/loader.ts', 'widget/outcome-survey.ts', 'widget/ui/mount-survey.tsx', 'widget/i18n/pick-ui-locale.ts'].map(
    keyOf,
  ),
);
const total = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + brotli(f), 0);

describe('byte budgets (brotli, quality 11)', () => {
  const sizes = {
    loader: total(staticClosure(['widget/loader.ts'])),
    firstQuestion: total(firstQuestion),
    serviceWorker: brotli('outcome-survey-sw.js'),
  };
  console.log(
    'widget sizes (brotli bytes):',
    JSON.stringify(
      { ...sizes, firstQuestionFiles: Object.fromEntries([...firstQuestion].map((f) => [f, brotli(f)])) },
      null,
      2,
    ),
  );

  it.each([
    ['the loader', sizes.loader, 2 * 1024],
    ['everything needed to show the first question, Preact included', sizes.firstQuestion, 15 * 1024],
    ['the service worker', sizes.serviceWorker, 5 * 1024],
  ])('%s stays within budget', (_what, size, budget) => {
    expect(size).toBeLessThanOrEqual(budget);
  });

  it('keeps the survey code, zod and the UI out of what the loader needs', () => {
    const loader = [...staticClosure(['widget/loader.ts'])];
    const lazy = ['widget/outcome-survey.ts', 'widget/ui/mount-survey.tsx'].map((k) => manifest[k].file);
    expect(loader.filter((f) => lazy.includes(f))).toEqual([]);
    // zod/mini's default message: present in any file that carries zod's parser.
    expect(loader.filter((f) => readFileSync(join(dist, f), 'utf8').includes('Invalid input'))).toEqual([]);
  });

  it('ships no eval and no Function constructor in any file', () => {
    const shipped = readdirSync(dist).filter((f) => f.endsWith('.js'));
    expect(shipped).toContain('outcome-survey.js');
    const offenders = shipped.filter((f) => /\beval\s*\(|\bFunction\s*\(/.test(readFileSync(join(dist, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
