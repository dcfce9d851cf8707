import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ORIGIN, SITE_KEY, SURVEY, TOKEN } from '../http/test-app.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

/** A temp folder with one survey and room for the SQLite file. */
export function tempCollectorDir(): { dir: string; databaseUrl: string } {
  const dir = mkdtempSync(join(tmpdir(), 'collector-main-'));
  mkdirSync(join(dir, 'surveys'));
  writeFileSync(join(dir, 'surveys', 'outcomes.json'), JSON.stringify(SURVEY));
  return { dir, databaseUrl: `sqlite:${join(dir, 'outcomes.sqlite')}` };
}

export type CollectorProcess = { child: ChildProcess; url: string; exited: Promise<number | null>; lines: string[] };

/**
 * Runs collector/main.ts in its own node process (node --import tsx, not npx,
 * so the pid is the server itself and kill -9 really kills it).
 */
export async function startCollectorProcess(dir: string, databaseUrl: string): Promise<CollectorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'collector/main.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      COLLECTOR_PORT: '0',
      COLLECTOR_HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      SURVEYS_DIR: join(dir, 'surveys'),
      EXPORT_TOKEN: TOKEN,
      SITE_KEYS: JSON.stringify({ [SITE_KEY]: { origins: [ORIGIN] } }),
      RATE_LIMIT_PER_ADDRESS: '1000000',
      RATE_LIMIT_PER_SITE_KEY: '1000000',
    },
  });
  const lines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector did not start within 60 s: ${stderr}`)), 60_000);
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      lines.push(line);
      const event = line.startsWith('{') ? JSON.parse(line) : {};
      if (event.event === 'listening') {
        clearTimeout(timer);
        resolve(event.url);
      }
    });
    exited.then((code) => reject(new Error(`collector exited with ${code} before listening: ${stderr}`)));
  });
  return { child, url, exited, lines };
}
