import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

type Chunk = { file: string; imports?: string[] };

/** The modules a page runs before the first question shows, as tests/e2e/budget.test.ts counts them. */
const FIRST_QUESTION = ['widget/entry/loader.ts', 'widget/core/outcome-survey.ts', 'widget/ui/mount-survey.tsx'];

/**
 * The dist/ files (relative to `dist`) the first question loads, from the widget build's manifest: each module of
 * FIRST_QUESTION and its static imports. Null when the widget is not built there or a module has no chunk.
 * The bench (bench/needed-files.ts) counts the same files.
 */
export function firstQuestionFiles(dist: string): string[] | null {
  let manifest: Record<string, Chunk>;
  try {
    manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));
  } catch {
    return null;
  }
  // A module grouped into a named chunk by vite.config.ts has no key of its own: find it by the chunk's name.
  const keyOf = (source: string) => {
    if (manifest[source]) return source;
    const name = source
      .split('/')
      .pop()
      ?.replace(/\.tsx?$/, '');
    const named = new RegExp(`^outcome-survey-${name}-[\\w-]{6}\\.js$`);
    return Object.keys(manifest).find((k) => named.test(manifest[k].file));
  };
  const files = new Set<string>();
  const visit = (key: string | undefined): boolean => {
    const chunk = key === undefined ? undefined : manifest[key];
    if (!chunk) return false;
    if (files.has(chunk.file)) return true;
    files.add(chunk.file);
    return (chunk.imports ?? []).every(visit);
  };
  return FIRST_QUESTION.map(keyOf).every(visit) ? [...files] : null;
}

/**
 * Brotli bytes (quality 11) of the files the first question loads, from the widget build's manifest in `dist`
 * (WIDGET_DIST). Null when the widget is not built there.
 */
export function firstQuestionBytes(dist: string): number | null {
  const files = firstQuestionFiles(dist);
  if (!files) return null;
  let bytes = 0;
  for (const file of files) {
    try {
      const buf = readFileSync(join(dist, file));
      bytes += brotliCompressSync(buf, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
      }).length;
    } catch {
      return null;
    }
  }
  return bytes;
}
