import Database from 'better-sqlite3';
import pg from 'pg';

type Row = Record<string, unknown>;

/** The rows one ingest run stored: the responses table and, per response, its rows in tables that reference it. */
export type IngestedRows = {
  table: string;
  key: string;
  rows: Row[];
  children: { table: string; column: string; byParent: Map<unknown, Row[]> }[];
};

const MAIN = 'responses';

function group(rows: Row[], column: string): Map<unknown, Row[]> {
  const byParent = new Map<unknown, Row[]>();
  for (const r of rows) byParent.set(r[column], [...(byParent.get(r[column]) ?? []), r]);
  return byParent;
}

/** Reads them back as the adapter wrote them; the tables that reference `responses` are found from the schema. */
export async function readIngestedRows(url: string): Promise<IngestedRows> {
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length), { readonly: true });
    try {
      const tables = db
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")
        .all();
      const children = tables.flatMap(({ name }) =>
        db
          .prepare<[], { table: string; from: string; to: string }>(
            `SELECT "table", "from", "to" FROM pragma_foreign_key_list('${name}')`,
          )
          .all()
          .filter((fk) => fk.table === MAIN)
          .map((fk) => ({
            table: name,
            column: fk.from,
            byParent: group(db.prepare(`SELECT * FROM "${name}"`).all() as Row[], fk.from),
          })),
      );
      return {
        table: MAIN,
        key: 'id',
        rows: db.prepare(`SELECT * FROM ${MAIN} ORDER BY rowid`).all() as Row[],
        children,
      };
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const fks = await client.query<{ child: string; column: string }>(
      `SELECT c.conrelid::regclass::text AS child, a.attname AS column
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
        WHERE c.contype = 'f' AND c.confrelid = '${MAIN}'::regclass`,
    );
    // row_to_json keeps every column's exact value; json_populate_recordset turns it back on insert.
    const all = async (table: string) =>
      (await client.query<{ r: Row }>(`SELECT row_to_json(t) AS r FROM ${table} t`)).rows.map((x) => x.r);
    const children = [];
    for (const fk of fks.rows)
      children.push({ table: fk.child, column: fk.column, byParent: group(await all(fk.child), fk.column) });
    return { table: MAIN, key: 'id', rows: await all(MAIN), children };
  } finally {
    await client.end();
  }
}
