import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { IngestedRows } from './db-rows.ts';

type Row = Record<string, unknown>;

function batches(data: IngestedRows, size: number): { table: string; rows: Row[] }[][] {
  const out = [];
  for (let i = 0; i < data.rows.length; i += size) {
    const parents = data.rows.slice(i, i + size);
    const keys = parents.map((p) => p[data.key]);
    out.push([
      { table: data.table, rows: parents },
      ...data.children.map((c) => ({ table: c.table, rows: keys.flatMap((k) => c.byParent.get(k) ?? []) })),
    ]);
  }
  return out;
}

/** The same connection settings the adapter uses, read from its source so the limit follows it. */
export function adapterPragmas(root: string): string[] {
  const source = readFileSync(join(root, 'collector/storage/sqlite/sqlite-connection.ts'), 'utf8');
  return [...source.matchAll(/\.pragma\('([^']+)'\)/g)].map((m) => m[1]);
}

/**
 * The storage limit: the rows the collector stored, inserted straight into an empty
 * database with the adapter's schema, one transaction per batch. Returns seconds.
 */
export async function directInsert(root: string, url: string, data: IngestedRows, batchSize: number): Promise<number> {
  const plan = batches(data, batchSize);
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length));
    try {
      for (const p of adapterPragmas(root)) db.pragma(p);
      const statements = new Map<string, Database.Statement>();
      const insert = (table: string, row: Row) => {
        const cols = Object.keys(row);
        const key = `${table}:${cols.join(',')}`;
        let st = statements.get(key);
        if (!st) {
          st = db.prepare(
            `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`,
          );
          statements.set(key, st);
        }
        st.run(row);
      };
      const tx = db.transaction((batch: { table: string; rows: Row[] }[]) => {
        for (const t of batch) for (const r of t.rows) insert(t.table, r);
      });
      const t0 = performance.now();
      for (const batch of plan) tx.immediate(batch);
      return (performance.now() - t0) / 1000;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const t0 = performance.now();
    for (const batch of plan) {
      await client.query('BEGIN');
      for (const t of batch)
        if (t.rows.length > 0)
          await client.query(`INSERT INTO ${t.table} SELECT * FROM json_populate_recordset(NULL::${t.table}, $1)`, [
            JSON.stringify(t.rows),
          ]);
      await client.query('COMMIT');
    }
    return (performance.now() - t0) / 1000;
  } finally {
    await client.end();
  }
}
