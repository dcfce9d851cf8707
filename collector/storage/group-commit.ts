/** Bounds one shared transaction, so a burst of large batches does not become one long write lock. */
const MAX_RECORDS = 2_000;

type Waiting<T, S> = { records: T[]; resolve(statuses: S[]): void; reject(error: unknown): void };

export type GroupCommit<T, S> = {
  /** Settles once the records are committed (or failed) in a transaction of their own or shared with others. */
  insert(records: T[]): Promise<S[]>;
  /** Resolves when nothing is queued or being written: call before closing the connection. */
  drain(): Promise<void>;
};

/**
 * Group commit (issue 20): insert calls that arrive while a write is under way, or in the same turn of the event
 * loop, are written together by one `write` call, that is one transaction and one commit (one fsync) instead of one
 * per request. Each caller's promise settles only after that commit returned, so an ack still means durable. The
 * records are concatenated in arrival order; callers that are concurrent have no order between them anyway, and each
 * adapter inserts a batch in id order whatever the order given.
 *
 * If the shared write fails, every caller's records are written again alone, each in its own transaction: one
 * request's bad rows (or a deadlock, or a lost connection) then fail that request alone and never another's.
 */
export function groupCommit<T, S>(write: (records: T[]) => Promise<S[]>): GroupCommit<T, S> {
  const queue: Waiting<T, S>[] = [];
  let busy = false;
  let scheduled = false;
  let idle: (() => void)[] = [];

  const schedule = () => {
    if (busy || scheduled || queue.length === 0) return;
    scheduled = true;
    // setImmediate runs after this turn's I/O callbacks: every request whose body arrived meanwhile joins in.
    setImmediate(() => {
      scheduled = false;
      void flush();
    });
  };

  const alone = async (w: Waiting<T, S>) => {
    try {
      w.resolve(await write(w.records));
    } catch (error) {
      w.reject(error);
    }
  };

  async function flush(): Promise<void> {
    busy = true;
    const group: Waiting<T, S>[] = [queue.shift() as Waiting<T, S>];
    let size = group[0].records.length;
    while (queue.length > 0 && size + queue[0].records.length <= MAX_RECORDS) {
      const next = queue.shift() as Waiting<T, S>;
      size += next.records.length;
      group.push(next);
    }
    if (group.length === 1) await alone(group[0]);
    else {
      let statuses: S[] | undefined;
      try {
        statuses = await write(group.flatMap((w) => w.records));
      } catch {
        for (const w of group) await alone(w);
      }
      if (statuses) {
        let at = 0;
        for (const w of group) {
          w.resolve(statuses.slice(at, at + w.records.length));
          at += w.records.length;
        }
      }
    }
    busy = false;
    if (queue.length > 0) schedule();
    else {
      for (const done of idle) done();
      idle = [];
    }
  }

  return {
    insert(records) {
      return new Promise<S[]>((resolve, reject) => {
        queue.push({ records, resolve, reject });
        schedule();
      });
    },
    drain() {
      if (!busy && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}
