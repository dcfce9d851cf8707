import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BenchSkip } from './bench-result.ts';

export const LOADER = 'dist/outcome-survey.js';
export const SERVICE_WORKER = 'dist/outcome-survey-sw.js';

let built: Promise<void> | undefined;

/** `npm run build` once per bench run, so the figures are of the sources as they are now, not a stale dist/. */
export function ensureBuild(root: string, log: (line: string) => void): Promise<void> {
  built ??= (async () => {
    if (process.env.BENCH_NO_BUILD === '1') return;
    if (!existsSync(join(root, 'vite.config.ts')))
      throw new BenchSkip('widget build: vite.config.ts is missing (issue 5 has not landed)');
    log('  $ npm run build');
    const r = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
    if (r.status !== 0) {
      const tail = `${r.stdout}\n${r.stderr}`.trim().split('\n').slice(-8).join('\n    ');
      throw new BenchSkip(`widget build: \`npm run build\` exited ${r.status ?? r.signal}:\n    ${tail}`);
    }
  })();
  return built;
}

// Relative specifiers in static imports/exports, dynamic import() and new URL(…, import.meta.url).
const SPECIFIERS = [
  /(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g,
  /import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g,
  /new URL\(\s*["'](\.{1,2}\/[^"']+)["']\s*,\s*import\.meta\.url\s*\)/g,
];

/**
 * What a page downloads to show the first question: the loader plus every chunk
 * reachable from it through static or dynamic imports (the lazy UI chunk included).
 */
export function widgetFiles(root: string): string[] {
  const loader = join(root, LOADER);
  if (!existsSync(loader)) throw new BenchSkip(`widget build: ${LOADER} is missing after \`npm run build\``);
  const seen = new Set<string>();
  const queue = [loader];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js') && !file.endsWith('.mjs')) continue;
    const source = readFileSync(file, 'utf8');
    for (const pattern of SPECIFIERS) {
      for (const m of source.matchAll(pattern)) {
        const target = resolve(dirname(file), m[1].split(/[?#]/)[0]);
        if (!existsSync(target)) throw new Error(`widget build: ${file} imports ${m[1]}, which is not in dist/`);
        queue.push(target);
      }
    }
  }
  return [...seen];
}
