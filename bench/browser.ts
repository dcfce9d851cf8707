import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { BenchSkip } from './bench-result.ts';

export type { Browser };

/**
 * The e2e tests' launch, so bench and tests drive the same browser with the same flags.
 * Imported on first use: benches that need no browser do not load playwright-core.
 */
export async function launchChromium(): Promise<Browser> {
  const { CHROMIUM_PATH, launchChromium: launch } = await import('../tests/e2e/support/launch-chromium.ts');
  if (!existsSync(CHROMIUM_PATH)) throw new BenchSkip(`browser: ${CHROMIUM_PATH} is missing`);
  return launch();
}
