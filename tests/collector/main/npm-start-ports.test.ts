import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempCollectorDir } from './collector-process.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

/** `npm start` without npm and its build: scripts/start.ts, run the way the script runs it. */
async function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/start.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, ...env },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  const [code] = (await once(child, 'close')) as [number | null];
  return { code, stderr };
}

describe('npm start on a port already in use', () => {
  const { dir, databaseUrl } = tempCollectorDir();
  const env = { DATABASE_URL: databaseUrl, SURVEYS_DIR: join(dir, 'surveys') };
  let busy: Server;
  let port: number;
  beforeAll(async () => {
    busy = createServer();
    busy.listen(0, '127.0.0.1');
    await once(busy, 'listening');
    port = (busy.address() as { port: number }).port;
  });
  afterAll(async () => {
    busy.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['COLLECTOR_PORT', (p: number) => ({ COLLECTOR_PORT: String(p), DEMO_PORT: '1' })],
    ['DEMO_PORT', (p: number) => ({ COLLECTOR_PORT: '0', DEMO_PORT: String(p) })],
  ])('exits 1 naming %s as the way out', async (setting, ports) => {
    const run = await start({ ...env, ...ports(port) });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`cannot listen on 127.0.0.1:${port} (${setting})`);
    expect(run.stderr).toContain(`stop it, or set ${setting} to a free port`);
  });
});
