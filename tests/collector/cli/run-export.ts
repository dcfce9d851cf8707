import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStorage } from '../../../collector/storage/sqlite/sqlite-storage.ts';
import { generateResponses, TEST_SURVEYS } from '../../support/generate-responses.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;

/** A temp folder with the test survey's two versions and a SQLite file holding `rows` generated responses. */
export async function exportFixture(rows: number): Promise<{ dir: string; surveysDir: string; database: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'export-cli-'));
  const surveysDir = join(dir, 'surveys');
  mkdirSync(surveysDir);
  for (const s of TEST_SURVEYS) writeFileSync(join(surveysDir, `${s.id}-v${s.version}.json`), JSON.stringify(s));
  const database = join(dir, 'responses.sqlite');
  const storage = sqliteStorage(database);
  await storage.migrate();
  await storage.insert([...generateResponses(rows)]);
  await storage.close();
  return { dir, surveysDir, database };
}

export type ExportRun = { code: number | null; stdout: string; stderr: string };

/**
 * `npm run export -- ARGS` without npm: the script is `tsx collector/cli/export.ts`, and node --import tsx
 * runs the same file the same way while keeping npm's banner out of stdout. `cli` picks another
 * researcher command (collector/cli/report.ts for `npm run report`).
 */
export function runExport(args: string[], env: Record<string, string>, cli = 'export'): Promise<ExportRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, `collector/cli/${cli}.ts`), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${cli} ${args.join(' ')} did not finish within 45 s; stderr: ${stderr}`));
    }, 45_000);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
