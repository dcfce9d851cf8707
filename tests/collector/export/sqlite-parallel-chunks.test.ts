import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportChunks } from '../../../collector/export/export-chunks.ts';
import { parseExportOptions } from '../../../collector/export/export-options.ts';
import { sqliteParallelChunks } from '../../../collector/export/sqlite-parallel-chunks.ts';
import { sqliteStorage } from '../../../collector/storage/sqlite/sqlite-storage.ts';
import type { Storage } from '../../../collector/storage/storage.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { generateResponse, TEST_SURVEYS } from '../../support/generate-responses.ts';

// The export CLI is also the worker's module (collector/cli/export.ts); run through tsx here, as in the CLI tests.
const WORKER = new URL('../../../collector/cli/export.ts', import.meta.url);
const surveys = new SurveyRegistry(TEST_SURVEYS);
const text = (chunk: string | Uint8Array) => (typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));

async function joined(chunks: AsyncIterable<string | Uint8Array>): Promise<string> {
  const parts: string[] = [];
  for await (const c of chunks) parts.push(text(c));
  return parts.join('');
}

describe('sqliteParallelChunks', () => {
  let dir: string;
  let path: string;
  let surveysDir: string;
  let storage: Storage;
  const source = () => ({ path, surveys, surveysDir, workerFile: WORKER, cacheKib: 2048 });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'parallel-export-'));
    surveysDir = join(dir, 'surveys');
    mkdirSync(surveysDir);
    for (const s of TEST_SURVEYS) writeFileSync(join(surveysDir, `${s.id}-v${s.version}.json`), JSON.stringify(s));
    path = join(dir, 'responses.sqlite');
    storage = sqliteStorage(path);
    await storage.migrate();
    // 1,000 rows a minute apart (quotes, newlines, emoji and formulas among their comments), then 333 rows all
    // submitted at the same instant, so range cuts fall between rows that only their ids order; 1,333 rows make
    // six ranges, the last one short.
    const rows = Array.from({ length: 1000 }, (_, i) => generateResponse(i));
    const tied = Array.from({ length: 333 }, (_, i) => generateResponse(1000 + i, Date.UTC(2024, 0, 3), 0));
    await storage.insert([...rows, ...tied]);
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    { format: 'csv' },
    { format: 'csv', labels: '1', excel: '1', bom: '1' },
    { format: 'jsonl' },
    { format: 'csv', country: 'FR' },
    { format: 'csv', version: '2' },
    { format: 'csv', from: '2024-01-01T02:00:00Z', to: '2024-01-03T00:00:00Z' },
    { format: 'jsonl', from: '2024-01-03T00:00:00Z' },
    { format: 'csv', to: '2023-01-01' },
  ])('writes the same text as the single-thread export, row for row and in order ($format %o)', async (raw) => {
    const o = parseExportOptions({ ...raw, survey: 'outcomes-test' }, 'test');
    const parallel = await joined(sqliteParallelChunks(source(), o));
    const single = await joined(exportChunks({ storage, surveys }, o));
    expect(parallel).toBe(single);
  });

  it('counts every row once for the progress bar', async () => {
    const o = parseExportOptions({ format: 'jsonl', survey: 'outcomes-test' }, 'test');
    const counts: number[] = [];
    const out = await joined(sqliteParallelChunks(source(), o, (n) => counts.push(n)));
    expect(out.split('\n').length - 1).toBe(1333);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(1333);
  });

  it('fails with the second thread’s reason when it cannot start', async () => {
    const o = parseExportOptions({ format: 'csv', survey: 'outcomes-test' }, 'test');
    const broken = { ...source(), surveysDir: join(dir, 'no-such-folder') };
    await expect(joined(sqliteParallelChunks(broken, o))).rejects.toThrow(
      /^the export's second thread failed: .*no-such-folder/,
    );
  });
});
