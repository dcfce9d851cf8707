import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../../../collector/storage/open-storage.ts';
import { sqlitePage } from '../../../../collector/storage/sqlite/sqlite-responses.ts';
import type { ResponseFilter, Storage } from '../../../../collector/storage/storage.ts';
import { makeRecord, testId } from '../make-record.ts';

const TOTAL = 2600;
// Many rows share a timestamp, so pages end in the middle of a run of equal times.
const submittedAt = (n: number) => `2026-0${1 + (n % 3)}-01T00:${String(n % 7).padStart(2, '0')}:00Z`;

describe('SQLite responses in export order', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-responses-'));
  const file = join(dir, 'db.sqlite');
  let storage: Storage;

  beforeAll(async () => {
    storage = await openStorage(`sqlite:${file}`);
    const records = Array.from({ length: TOTAL }, (_, n) =>
      makeRecord({
        id: testId(TOTAL - n),
        surveyId: n % 4 === 0 ? 'other' : 'career-outcomes',
        surveyVersion: 1 + (n % 2),
        submittedAt: submittedAt(n),
      }),
    );
    for (let i = 0; i < TOTAL; i += 500) await storage.insert(records.slice(i, i + 500));
  });
  afterAll(async () => {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each<[string, ResponseFilter]>([
    ['survey', { surveyId: 'career-outcomes' }],
    ['survey and version', { surveyId: 'career-outcomes', surveyVersion: 2 }],
    ['from and to', { surveyId: 'career-outcomes', from: '2026-01-01T00:03:00Z', to: '2026-03-01T00:02:00Z' }],
    ['nothing', {}],
  ])('streams every row matching %s across pages, each once, in (submitted_at, id) order', async (_, filter) => {
    const seen: string[] = [];
    for await (const r of storage.responses(filter)) seen.push(`${r.submittedAt}|${r.id}|${r.surveyId}`);
    expect(seen.length).toBe(await storage.count(filter));
    expect(seen.length).toBeGreaterThan(1000);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
  });

  it.each<[string, ResponseFilter, string]>([
    ['survey', { surveyId: 'career-outcomes' }, 'responses_export'],
    ['survey and country', { surveyId: 'career-outcomes', country: 'FR' }, 'responses_export'],
    [
      'survey, version and country',
      { surveyId: 'career-outcomes', surveyVersion: 2, country: 'FR' },
      'responses_survey',
    ],
    ['from and to', { surveyId: 'career-outcomes', from: '2026-01-01', to: '2026-03-01' }, 'responses_export'],
  ])(
    'reads a later page matching %s in index order from %s, seeking to the keyset without a sort',
    (_, filter, index) => {
      const db = new Database(file, { readonly: true });
      try {
        const { sql, params } = sqlitePage(filter, { at: '2026-02-01T00:00:00.000000000Z', id: testId(5) });
        const plan = db
          .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
          .all(...params)
          .map((p) => p.detail);
        expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
        expect(plan[0]).toMatch(new RegExp(`^SEARCH r USING INDEX ${index} \\(.*\\(submitted_at,id\\)>\\(\\?,\\?\\)`));
      } finally {
        db.close();
      }
    },
  );
});
