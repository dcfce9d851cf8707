import { Worker } from 'node:worker_threads';
import type { InsertStatus, StoredResponse } from '../storage.ts';
import {
  type ConnectionKey,
  READY,
  type ThreadError,
  type ThreadMessage,
  type WriteCommand,
  type WriteReply,
  type WriteRequest,
} from './sqlite-write-messages.ts';

/** The write side of one SQLite storage, run on the process's SQLite write thread. */
export type ThreadWriter = {
  /** Starts the thread now, not at the first insert; resolves once it takes requests (tsx and its modules load in a few hundred ms). */
  start(): Promise<void>;
  /** One IMMEDIATE transaction on the thread; settles once it committed (synchronous=FULL: fsynced) or failed. */
  insert(records: StoredResponse[]): Promise<InsertStatus[]>;
  /** Closes this storage's connection on the thread; inserts fail from then on. */
  close(): Promise<void>;
};

type Pending = { resolve(reply: WriteReply): void; reject(error: unknown): void };
type Thread = { worker: Worker; pending: Map<number, Pending>; ready: Promise<void> };

// The worker runs TypeScript like the rest of the collector: on Node 20 a worker inherits neither tsx's hooks nor
// an `--import` flag, so it registers tsx itself before importing its entry file (under vitest too).
const BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });`;

// One thread per process, started by the first insert (a CLI that only reads never starts it) and shared by every
// SQLite storage of the process, each with its own connection there. Idle, it does not keep the process alive.
let thread: Thread | undefined;
let lastSeq = 0;
let lastConnection = 0;

function startThread(): Thread {
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: {
      tsx: import.meta.resolve('tsx/esm/api'),
      entry: new URL('./sqlite-write-worker.ts', import.meta.url).href,
    },
  });
  let isReady: () => void = () => {};
  let failed: (error: unknown) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    isReady = resolve;
    failed = reject;
  });
  // Awaited only by start(); an insert's own promise reports the same failure.
  ready.catch(() => {});
  const started: Thread = { worker, pending: new Map(), ready };
  worker.unref();
  worker.on('message', (message: ThreadMessage) => {
    if (message === READY) return isReady();
    const waiting = started.pending.get(message.seq);
    started.pending.delete(message.seq);
    if (started.pending.size === 0) worker.unref();
    waiting?.resolve(message);
  });
  // Whatever was in flight is failed, not lost: those requests were not acknowledged, and a retry finds the rows
  // that did commit as duplicates. The next insert starts a new thread, which reopens each connection on first use.
  const fail = (error: unknown) => {
    if (thread === started) thread = undefined;
    failed(error);
    for (const waiting of started.pending.values()) waiting.reject(error);
    started.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) =>
    fail(new Error(`the SQLite write thread exited (code ${code}) before answering: nothing is acknowledged, retry`)),
  );
  return started;
}

function send(command: WriteCommand): Promise<WriteReply> {
  thread ??= startThread();
  const { worker, pending } = thread;
  const seq = ++lastSeq;
  return new Promise<WriteReply>((resolve, reject) => {
    // Referenced while a write is in flight: a script awaiting its insert must not exit under it.
    if (pending.size === 0) worker.ref();
    pending.set(seq, { resolve, reject });
    try {
      worker.postMessage({ ...command, seq } satisfies WriteRequest);
    } catch (error) {
      pending.delete(seq);
      if (pending.size === 0) worker.unref();
      reject(error);
    }
  });
}

function fromThread(e: ThreadError): Error {
  return Object.assign(new Error(e.message), { name: e.name, ...(e.code ? { code: e.code } : {}) });
}

/** A connection to `path` on the write thread, opened there with the same pragmas as the storage's own. */
export function threadWriter(path: string, { cacheKib }: { cacheKib?: number | undefined } = {}): ThreadWriter {
  const key: ConnectionKey = { connection: ++lastConnection, path, cacheKib };
  let used = false;
  let closed = false;
  return {
    start() {
      thread ??= startThread();
      return thread.ready;
    },
    async insert(records) {
      if (closed) throw new Error(`the SQLite storage of ${path} is closed: open it again to insert`);
      used = true;
      const reply = await send({ kind: 'insert', records, ...key });
      if (reply.error) throw fromThread(reply.error);
      return reply.statuses ?? [];
    },
    async close() {
      closed = true;
      if (!used || !thread) return;
      // A thread that died took its connections with it: nothing is left to close.
      const reply = await send({ kind: 'close', ...key }).catch(() => ({}) as WriteReply);
      if (reply.error) throw fromThread(reply.error);
    },
  };
}
