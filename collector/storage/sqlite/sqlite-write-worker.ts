// The SQLite write thread's entry (started by sqlite-write-thread.ts): it owns one write connection per storage of
// its process, and runs each group of inserts in one IMMEDIATE transaction there, so that the statements and the
// COMMIT's fsync (better-sqlite3 is synchronous) block this thread, not the one serving requests.
import { parentPort } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { InsertStatus, StoredResponse } from '../storage.ts';
import { openSqlite } from './sqlite-connection.ts';
import { sqliteInserter } from './sqlite-insert.ts';
import {
  type ConnectionKey,
  READY,
  type ThreadError,
  type WriteReply,
  type WriteRequest,
} from './sqlite-write-messages.ts';

type Connection = { db: Database.Database; insert: (records: StoredResponse[]) => InsertStatus[] };

const port = parentPort;
if (!port) throw new Error('sqlite-write-worker.ts runs as a worker thread: start it through sqlite-write-thread.ts');

const connections = new Map<number, Connection>();

function connectionFor(key: ConnectionKey): Connection {
  let c = connections.get(key.connection);
  if (!c) {
    const db = openSqlite(key.path, { cacheKib: key.cacheKib });
    try {
      // Prepared here, on the first insert: the tables exist once the storage's migrate() has run.
      const transaction = db.transaction(sqliteInserter(db));
      c = { db, insert: (records) => transaction.immediate(records) };
    } catch (error) {
      db.close();
      throw error;
    }
    connections.set(key.connection, c);
  }
  return c;
}

function asData(error: unknown): ThreadError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, message: error.message, code: typeof code === 'string' ? code : undefined };
  }
  return { name: 'Error', message: String(error) };
}

port.on('message', (m: WriteRequest) => {
  let reply: WriteReply;
  try {
    if (m.kind === 'insert') reply = { seq: m.seq, statuses: connectionFor(m).insert(m.records) };
    else {
      connections.get(m.connection)?.db.close();
      connections.delete(m.connection);
      reply = { seq: m.seq };
    }
  } catch (error) {
    reply = { seq: m.seq, error: asData(error) };
  }
  port.postMessage(reply);
});
port.postMessage(READY);
