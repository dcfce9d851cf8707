import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const SCREENSHOT_DIR_ENV = 'SCREENSHOT_DIR';

// Browser tests take screenshots to look at, never to change the repository: a fresh clone stays
// clean after `npm test`. `npm run screenshots` (scripts/screenshots.ts) sets SCREENSHOT_DIR to
// docs/screenshots to refresh the pictures the README shows.
export function screenshotDir(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env[SCREENSHOT_DIR_ENV];
  const dir = chosen ? resolve(chosen) : join(tmpdir(), 'outcome-survey-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Where a test writes the screenshot called `name` (e.g. `en-08-consent.png`); the folder exists. */
export function screenshotPath(name: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(screenshotDir(env), name);
}
