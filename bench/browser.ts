import { existsSync } from 'node:fs';
import { BenchSkip } from './bench-result.ts';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

type Chromium = typeof import('playwright-core').chromium;
export type Browser = Awaited<ReturnType<Chromium['launch']>>;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new BenchSkip(`browser: ${CHROMIUM} is missing`);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}
