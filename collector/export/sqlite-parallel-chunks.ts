import { MessageChannel, type MessagePort, receiveMessageOnPort, type Worker } from 'node:worker_threads';
import type { KeysetRange } from '../storage/sqlite/sqlite-responses.ts';
import { sqliteRows } from '../storage/sqlite/sqlite-responses.ts';
import type { SurveyRegistry } from '../surveys/survey-registry.ts';
import { blockChunks } from './block-text.ts';
import { type BlockReply, type BlockWorkerInput, openForExport } from './export-block-worker.ts';
import { exportLayout } from './export-chunks.ts';
import type { ExportOptions } from './export-options.ts';
import { moduleWorker } from './module-worker.ts';
import { sqliteBlocks } from './sqlite-blocks.ts';

export type ParallelSource = {
  /** The SQLite file. */
  path: string;
  surveys: SurveyRegistry;
  surveysDir: string;
  /** A module that calls serveExportBlocks when it runs as a worker (the export CLI's own file). */
  workerFile: URL;
  cacheKib: number;
};

/**
 * Responses per range (one SQLite page): a range's bytes wait for their turn to be written, and ranges of 1,000
 * kept 15 MiB more in flight than ranges of 250 (peak RSS 119 against 104 MiB at 100,000 rows) for no speed.
 */
const BLOCK_ROWS = 250;
/** Ranges the second thread may have been given and not yet handed over: enough to keep it busy, no more. */
const AHEAD = 3;

/**
 * A SQLite export read and formatted by two threads (issue 20: one thread read, parsed, formatted and wrote in
 * turn while the second core idled): the order is cut into ranges (sqlite-blocks.ts); a worker formats the even
 * ones, this thread the odd ones, and the texts are handed on strictly in order, so the output is byte for byte
 * that of exportChunks. Memory is bounded by AHEAD ranges, whatever the number of rows.
 */
export async function* sqliteParallelChunks(
  src: ParallelSource,
  o: ExportOptions,
  onRows?: (count: number) => void,
): AsyncGenerator<string | Uint8Array> {
  const { filter, head, line } = exportLayout(src.surveys, o);
  if (head) yield head;
  const db = openForExport(src.path, src.cacheKib);
  const channel = new MessageChannel();
  const input: BlockWorkerInput = {
    role: 'export-blocks',
    path: src.path,
    surveysDir: src.surveysDir,
    options: o,
    cacheKib: src.cacheKib,
    replies: channel.port2,
  };
  const worker = moduleWorker(src.workerFile, input, [channel.port2]);
  const replies = new BlockReplies(worker, channel.port1);
  try {
    const cuts = sqliteBlocks(db, filter, BLOCK_ROWS);
    const ranges: (KeysetRange | undefined)[] = [];
    let cut = true;
    const rangeAt = (i: number) => {
      while (cut && ranges.length <= i) {
        const next = cuts.next();
        if (next.done) cut = false;
        else ranges.push(next.value);
      }
      return ranges[i];
    };
    let sent = 0;
    for (let block = 0; rangeAt(block); block++) {
      for (; sent < block + 2 * AHEAD && rangeAt(sent); sent += 2)
        worker.postMessage({ block: sent, range: rangeAt(sent) });
      const range = rangeAt(block) as KeysetRange;
      ranges[block] = undefined;
      if (block % 2 === 0) {
        const reply = await replies.take(block);
        yield* reply.bytes;
        onRows?.(reply.rows);
      } else {
        yield* blockChunks(sqliteRows(db, filter, range), line, (rows) => onRows?.(rows));
      }
    }
  } finally {
    replies.closing = true;
    await worker.terminate();
    channel.port1.close();
    db.close();
  }
}

/**
 * The worker's replies, taken off their port only when they are written: a reply received as soon as it arrived
 * waited in this thread's heap while it formatted its own range, was promoted with its bytes, and held 30 MiB until
 * a full collection (bench/profiles/export.md). Left on the port, the bytes stay outside any heap until needed.
 */
class BlockReplies {
  closing = false;
  private waiting: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(
    worker: Worker,
    private readonly port: MessagePort,
  ) {
    // The worker says on its own channel when it put a reply on the port: only a wake-up.
    worker.on('message', () => this.wake());
    worker.on('error', (err) => this.fail(new Error(`the export's second thread failed: ${err.message}`)));
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(new Error(`the export's second thread stopped early (exit code ${code})`));
    });
  }

  async take(block: number): Promise<{ bytes: Uint8Array[]; rows: number }> {
    for (;;) {
      const received = receiveMessageOnPort(this.port);
      if (received) {
        const reply = received.message as BlockReply;
        if ('error' in reply) throw new Error(reply.error);
        // Ranges are formatted and sent in the order asked, and asked in order.
        if (reply.block !== block)
          throw new Error(`the export's second thread sent range ${reply.block} where ${block} was due`);
        return reply;
      }
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => {
        this.waiting = resolve;
      });
    }
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.();
  }

  private fail(err: Error): void {
    this.failure ??= err;
    this.wake();
  }
}
