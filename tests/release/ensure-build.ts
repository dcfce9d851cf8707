import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const DIST = join(ROOT, 'dist');

/**
 * The release checks read the real build. In a full `npm test` the e2e project's global setup
 * has just built dist/; run alone, these tests build what is missing, once.
 */
export function ensureBuild(): void {
  if (!existsSync(join(DIST, 'sri.json')) || !existsSync(join(DIST, 'index.d.ts')))
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 240_000 });
}
