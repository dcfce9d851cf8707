import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../tests/support/free-port.ts';
import { BenchSkip } from './bench-result.ts';

export const SITE_KEY = 'bench-site-key';
export const EXPORT_TOKEN = 'bench-export-token-0123456789';

export type CollectorProcess = { url: string; pid: number; close(): Promise<void> };

/** Which entry point starts a collector here, or why none does yet. */
export function collectorEntry(root: string): string {
  // The production entry first; the bench's own child script if only startCollector() has landed.
  const main = join(root, 'collector/main.ts');
  if (existsSync(main)) return main;
  if (existsSync(join(root, 'collector/start-collector.ts'))) return join(root, 'bench/collector-child.ts');
  throw new BenchSkip('collector: neither collector/start-collector.ts nor collector/main.ts exists yet (issue 2/7)');
}

/**
 * A real collector in a second process on loopback, so the load generator (this
 * process) and the server do not share an event loop. Limits are raised: the bench
 * measures throughput, not the rate limiter.
 */
export async function startCollectorProcess(
  root: string,
  opts: { databaseUrl: string; origins: string[]; env?: Record<string, string>; nodeArgs?: string[] },
): Promise<CollectorProcess> {
  const entry = collectorEntry(root);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), '--import', 'tsx', entry], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      COLLECTOR_PORT: String(port),
      COLLECTOR_HOST: '127.0.0.1',
      DATABASE_URL: opts.databaseUrl,
      EXPORT_TOKEN,
      LEARNER_REF_SECRET: 'bench-learner-ref-secret-0123456789abcdef',
      SITE_KEYS: JSON.stringify({ [SITE_KEY]: { origins: opts.origins } }),
      RATE_LIMIT_PER_ADDRESS: '1000000',
      RATE_LIMIT_PER_SITE_KEY: '10000000',
      LOG_LEVEL: 'silent',
      ...opts.env,
    },
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr = (stderr + d).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`collector (${entry}) exited ${child.exitCode} before listening:\n${stderr}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { url, pid: child.pid as number, close: () => stop(child) };
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop(child);
  throw new Error(`collector (${entry}) did not answer ${url}/healthz within 60 s:\n${stderr}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
