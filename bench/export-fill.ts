import { join } from 'node:path';
import Database from 'better-sqlite3';
import { toStoredResponse } from '../collector/ingest/to-stored-response.ts';
import { openStorage } from '../collector/storage/open-storage.ts';
import type { StoredResponse } from '../collector/storage/storage.ts';
import { SurveyRegistry } from '../collector/surveys/survey-registry.ts';
import { SITE_KEY } from './collector-process.ts';
import { latestSurvey, makeResponse } from './survey-responses.ts';

const TEMPLATES = 10_000;
const BASE_MS = Date.UTC(2026, 0, 1);

/**
 * A SQLite file holding `count` responses. 10,000 distinct responses go through the
 * real ingest preparation and the storage adapter; the rest are copies of them made
 * inside SQLite with new ids (the last 8 hex digits replaced by a counter), because
 * writing 1,000,000 rows one batch at a time would cost minutes of the bench's budget.
 */
export async function fillSqlite(root: string, file: string, count: number): Promise<void> {
  const def = latestSurvey(root);
  const ctx = {
    surveys: SurveyRegistry.fromFolder(join(root, 'surveys')),
    learnerRefSecret: 'bench-learner-ref-secret-0123456789abcdef',
    includeAsylumSeekers: false,
    siteKey: SITE_KEY,
    receivedAt: new Date().toISOString(),
    // The generated answers are dated from 2025-01-01 on: the widest window keeps them acceptable for years.
    retentionMonths: 120,
  };
  const templates: StoredResponse[] = [];
  for (let i = 0; i < Math.min(TEMPLATES, count); i++) {
    const prepared = toStoredResponse(makeResponse(def, i), `responses[${i}]`, ctx);
    if (!prepared.ok)
      throw new Error(`bench export: a generated response was rejected: ${JSON.stringify(prepared.errors)}`);
    templates.push(prepared.record);
  }
  const storage = await openStorage(`sqlite:${file}`);
  try {
    for (let i = 0; i < templates.length; i += 1000) await storage.insert(templates.slice(i, i + 1000));
  } finally {
    await storage.close();
  }
  copyRows(file, count, templates.length);
}

// A UUIDv7-shaped id that grows with n, so the copies append to the end of the primary-key index.
const NEW_ID = (n: string) =>
  `printf('%08x-%04x-7000-8000-%012x', (${BASE_MS} + ${n}) >> 16, (${BASE_MS} + ${n}) & 65535, ${n})`;

function copyRows(file: string, count: number, templates: number): void {
  const db = new Database(file);
  try {
    // Set-up only: the export later runs on the file as the adapter left it.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1000000');
    const columns = (t: string) =>
      (db.prepare(`SELECT name FROM pragma_table_info('${t}')`).all() as { name: string }[]).map((c) => c.name);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
      (t) => t.name,
    );
    // Secondary indexes are rebuilt once at the end: updating them row by row at scattered places is quadratic here.
    const indexes = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
      .all() as { name: string; sql: string }[];
    for (const i of indexes) db.exec(`DROP INDEX "${i.name}"`);
    const copies = [db.prepare(selectInsert('responses', columns('responses'), 'id', ''))];
    for (const t of tables)
      for (const fk of db.prepare(`SELECT "table", "from" FROM pragma_foreign_key_list('${t}')`).all() as {
        table: string;
        from: string;
      }[])
        if (fk.table === 'responses')
          copies.push(db.prepare(selectInsert(t, columns(t), fk.from, `JOIN responses r ON r.id = c."${fk.from}"`)));
    const copy = db.transaction((round: number, limit: number) => {
      for (const st of copies) st.run({ round, templates, limit });
    });
    for (let done = templates, round = 1; done < count; done += templates, round++)
      copy(round, Math.min(templates, count - done));
    for (const i of indexes) db.exec(i.sql);
  } finally {
    db.close();
  }
}

function selectInsert(table: string, cols: string[], key: string, join: string): string {
  const from = join ? `"${table}" c ${join}` : `"${table}" r`;
  const alias = join ? 'c' : 'r';
  const select = cols
    .map((c) => (c === key ? NEW_ID('(@round * @templates + r.rowid)') : `${alias}."${c}"`))
    .join(', ');
  return `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) SELECT ${select} FROM ${from} WHERE r.rowid <= @limit ORDER BY r.rowid`;
}
