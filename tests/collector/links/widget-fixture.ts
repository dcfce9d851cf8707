import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HASHED_CHUNK = 'outcome-survey-rest-D8gChW0b.js';

/** A dist/ as `npm run build` leaves it, small: an entry, a hashed chunk, the link service worker, the manifest. */
export function widgetFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'outcome-dist-'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(join(dir, 'outcome-survey.js'), 'export const entry = 1;\n');
  writeFileSync(join(dir, HASHED_CHUNK), 'export const rest = 2;\n');
  writeFileSync(join(dir, 'outcome-survey-link-sw.js'), 'self.linkWorker = true;\n');
  writeFileSync(join(dir, 'not-in-the-manifest.js'), 'secret();\n');
  writeFileSync(
    join(dir, '.vite', 'manifest.json'),
    JSON.stringify({
      'widget/entry/loader.ts': { file: 'outcome-survey.js', name: 'outcome-survey', isEntry: true },
      '_outcome-survey-rest-D8gChW0b.js': { file: HASHED_CHUNK, name: 'rest', isDynamicEntry: true },
    }),
  );
  return dir;
}
