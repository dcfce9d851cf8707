import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { firstQuestionFiles } from '../collector/impact/first-question-bytes.ts';
import { BenchSkip } from './bench-result.ts';

/**
 * The dist/ files an English page cannot show the first question without (loader, survey code, first-question
 * UI and their static imports): the same path tests/e2e/budget.test.ts holds to its 16 KB budget (no learnerRef,
 * so no eligibility client), read from vite's manifest by the collector's own carbon figure's code.
 */
export function firstQuestionNeeds(root: string): string[] {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, '.vite/manifest.json')))
    throw new BenchSkip('widget build: dist/.vite/manifest.json is missing after `npm run build`');
  const files = firstQuestionFiles(dist);
  if (!files)
    throw new Error(
      'bench: a first-question module has no chunk in dist/.vite/manifest.json; was vite.config.ts changed?',
    );
  return files.map((f) => join(dist, f));
}
