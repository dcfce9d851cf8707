import type { InsertStatus, StoredResponse } from '../storage.ts';

/** Which connection of the write thread a message is for; the thread opens it on first use. */
export type ConnectionKey = { connection: number; path: string; cacheKib?: number | undefined };

export type WriteCommand =
  | ({ kind: 'insert'; records: StoredResponse[] } & ConnectionKey)
  | ({ kind: 'close' } & ConnectionKey);

/** `seq` pairs each reply with its request. */
export type WriteRequest = WriteCommand & { seq: number };

/** An error crosses the thread as data: its class is lost, its name, message and driver code are kept. */
export type ThreadError = { name: string; message: string; code?: string | undefined };

export type WriteReply = { seq: number; statuses?: InsertStatus[]; error?: ThreadError };

/** The thread's first message: its modules are loaded and it takes requests. */
export const READY = 'ready';

export type ThreadMessage = WriteReply | typeof READY;
