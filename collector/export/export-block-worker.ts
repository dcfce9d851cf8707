import type { MessagePort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { type KeysetRange, sqliteRows } from '../storage/sqlite/sqlite-responses.ts';
import { SurveyRegistry } from '../surveys/survey-registry.ts';
import { blockChunks } from './block-text.ts';
import { exportLayout } from './export-chunks.ts';
import type { ExportOptions } from './export-options.ts';

/** What the export's second thread is started with (workerData): plain data only. */
export type BlockWorkerInput = {
  role: 'export-blocks';
  path: string;
  surveysDir: string;
  options: ExportOptions;
  cacheKib: number;
  /** Where the formatted ranges go (the main thread takes them from it only when it writes them). */
  replies: MessagePort;
};
export type BlockRequest = { block: number; range: KeysetRange };
export type BlockReply = { block: number; bytes: Uint8Array[]; rows: number } | { block: number; error: string };

export const isBlockWorkerInput = (data: unknown): data is BlockWorkerInput =>
  (data as BlockWorkerInput | undefined)?.role === 'export-blocks';

/** Opens the SQLite file read-only, as an export of several processes or threads beside the collector does. */
export function openForExport(path: string, cacheKib: number): Database.Database {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = -${Math.round(cacheKib)}`);
  return db;
}

/**
 * The second thread of a SQLite export (sqlite-parallel-chunks.ts): reads and formats each range it is sent on
 * `port`, in the order sent, puts its UTF-8 bytes (transferred, not copied) on `input.replies` and says so on `port`.
 */
export function serveExportBlocks(port: MessagePort, input: BlockWorkerInput): void {
  const db = openForExport(input.path, input.cacheKib);
  const { filter, line } = exportLayout(SurveyRegistry.fromFolder(input.surveysDir), input.options);
  const encoder = new TextEncoder();
  port.on('message', ({ block, range }: BlockRequest) => {
    let reply: BlockReply;
    try {
      let rows = 0;
      // Each text encoded as soon as it is made, so it dies young; TextEncoder's arrays own their memory, so they
      // can be transferred (a Buffer may share a pool).
      const bytes = Array.from(
        blockChunks(sqliteRows(db, filter, range), line, (n) => {
          rows = n;
        }),
        (text) => encoder.encode(text),
      );
      reply = { block, bytes, rows };
    } catch (err) {
      reply = { block, error: (err as Error).message };
    }
    input.replies.postMessage(reply, 'bytes' in reply ? reply.bytes.map((b) => b.buffer as ArrayBuffer) : []);
    port.postMessage(block);
  });
}
