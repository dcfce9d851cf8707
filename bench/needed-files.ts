import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BenchSkip } from './bench-result.ts';

type Chunk = { file: string; imports?: string[] };

// The sources whose chunks, with their static imports, an English page cannot show the first question without:
// the same path tests/e2e/budget.test.ts holds to its 16 KB budget (no learnerRef, so no eligibility client).
const FIRST_QUESTION_SOURCES = [
  'widget/entry/loader.ts',
  'widget/core/outcome-survey.ts',
  'widget/ui/mount-survey.tsx',
];

/**
 * The dist/ files of that path, read from vite's manifest: a source that is a chunk of its own is a key; a
 * source grouped by vite.config.ts names its chunk ("outcome-survey-<name>-<hash>.js").
 */
export function firstQuestionNeeds(root: string): string[] {
  const path = join(root, 'dist/.vite/manifest.json');
  if (!existsSync(path)) throw new BenchSkip('widget build: dist/.vite/manifest.json is missing after `npm run build`');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Chunk>;
  const keyOf = (source: string) => {
    if (manifest[source]) return source;
    const name = source
      .split('/')
      .pop()
      ?.replace(/\.tsx?$/, '');
    const named = new RegExp(`^outcome-survey-${name}-[\\w-]{6}\\.js$`);
    const key = Object.keys(manifest).find((k) => named.test(manifest[k].file));
    if (!key) throw new Error(`bench: no chunk for ${source} in dist/.vite/manifest.json; was vite.config.ts changed?`);
    return key;
  };
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const source of FIRST_QUESTION_SOURCES) visit(keyOf(source));
  return [...files].map((f) => join(root, 'dist', f));
}
