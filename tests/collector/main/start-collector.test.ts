import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../collector/logging/logger.ts';
import { startCollector } from '../../../collector/start-collector.ts';
import { testConfig } from '../http/test-app.ts';
import { tempCollectorDir } from './collector-process.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

describe('startCollector', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('serves on a free port and stops on close()', async () => {
    const { dir, databaseUrl } = tempCollectorDir();
    dirs.push(dir);
    const config = testConfig({ DATABASE_URL: databaseUrl, SURVEYS_DIR: join(dir, 'surveys') });
    const collector = await startCollector({ config, port: 0, host: '127.0.0.1', log: silentLogger });
    expect(collector.url).toBe(`http://127.0.0.1:${collector.port}`);
    expect(await (await fetch(`${collector.url}/healthz`)).json()).toEqual({ ok: true, storage: 'up', writes: 'ok' });
    expect(await (await fetch(`${collector.url}/v1/surveys`)).json()).toEqual([
      { id: 'outcomes', version: 1, title: 'Outcomes' },
    ]);
    await collector.close();
    await expect(fetch(`${collector.url}/healthz`)).rejects.toThrow();
  });

  it('names a bad survey file before touching storage', async () => {
    const config = testConfig({
      DATABASE_URL: 'sqlite:/nonexistent/never/created.sqlite',
      SURVEYS_DIR: join(ROOT, 'no-such-surveys-dir'),
    });
    await expect(startCollector({ config, port: 0, log: silentLogger })).rejects.toThrow('no-such-surveys-dir');
  });
});

describe('collector/main.ts', () => {
  it('exits 1 naming the setting when the configuration is bad', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'collector/main.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, COLLECTOR_PORT: 'eighty' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('COLLECTOR_PORT');
  });
});
