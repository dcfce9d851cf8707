import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

// `npm run screenshots`: refreshes docs/screenshots by running the browser tests that take
// screenshots with SCREENSHOT_DIR pointing there. `npm test` leaves docs/ alone (the same tests
// write to a temporary folder; tests/release/no-writes-to-docs.test.ts holds that).
const root = resolve(import.meta.dirname, '..');
export const DOCS_SCREENSHOTS = join(root, 'docs/screenshots');

/** The browser test files that take a screenshot through screenshotPath(), relative to the repository. */
export function screenshotTestFiles(dir = join(root, 'tests/e2e')): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .filter((name) => readFileSync(join(dir, name), 'utf8').includes('screenshotPath('))
    .map((name) => join('tests/e2e', name))
    .sort();
}

if (process.argv[1]?.endsWith('screenshots.ts')) {
  const files = screenshotTestFiles();
  if (files.length === 0) {
    console.error('npm run screenshots: no test in tests/e2e calls screenshotPath(); nothing to refresh.');
    process.exit(1);
  }
  console.log(`refreshing ${DOCS_SCREENSHOTS} from ${files.join(', ')}`);
  const vitest = join(root, 'node_modules/.bin/vitest');
  const run = spawnSync(vitest, ['run', '--project', 'e2e', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SCREENSHOT_DIR: DOCS_SCREENSHOTS },
  });
  if (run.status !== 0) {
    console.error(
      `npm run screenshots: the browser tests failed (exit ${run.status ?? run.signal}); docs/screenshots may be ` +
        'partly refreshed. Fix the failing test, run `npm run screenshots` again, or `git checkout docs/screenshots`.',
    );
  }
  process.exit(run.status ?? 1);
}
