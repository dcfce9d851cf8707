import type { Storage } from '../storage/storage.ts';
import { StorageUnavailableError } from './storage-unavailable.ts';

/** The outcome of the last write; a full disk or a read-only database shows here while reads still work. */
export type WriteHealth = { lastFailureAt: number | undefined; lastFailureOperation: string | undefined };

// Every method is named here, so a method added to Storage fails type-checking until it is sorted.
const KIND: Record<keyof Storage, 'write' | 'read' | 'rows' | 'as-is'> = {
  migrate: 'write',
  insert: 'write',
  eraseLearner: 'write',
  purgeSubmittedBefore: 'write',
  setOptOut: 'write',
  countRejections: 'write',
  importRoster: 'write',
  insertContactEvents: 'write',
  count: 'read',
  optedOut: 'read',
  answeredWaves: 'read',
  completedWave: 'read',
  rejectionsByDay: 'read',
  cohorts: 'read',
  outsideRoster: 'read',
  rateCounts: 'read',
  countContactEvents: 'read',
  responses: 'rows',
  memberFacts: 'rows',
  rosterMembers: 'rows',
  // ping answers false rather than throwing; close is the caller's own business.
  ping: 'as-is',
  close: 'as-is',
};

/**
 * The storage the routes see: every failure, whatever the driver threw, becomes one
 * StorageUnavailableError (answered 503 + Retry-After in app.ts), and each write's outcome is kept
 * for /healthz. A successful write clears an earlier failure.
 */
export function guardStorage(
  storage: Storage,
  now: () => number = Date.now,
): { storage: Storage; writes: WriteHealth } {
  const writes: WriteHealth = { lastFailureAt: undefined, lastFailureOperation: undefined };
  const guarded = Object.create(storage) as Storage;
  const wrap = (name: keyof Storage) => {
    const isWrite = KIND[name] === 'write';
    Object.defineProperty(guarded, name, {
      value: async (...args: unknown[]) => {
        try {
          // Looked up per call, not bound once: a test may swap a method to play a failing database.
          const result = await (storage[name] as (...a: unknown[]) => Promise<unknown>).apply(storage, args);
          if (isWrite) writes.lastFailureAt = writes.lastFailureOperation = undefined;
          return result;
        } catch (err) {
          if (isWrite) {
            writes.lastFailureAt = now();
            writes.lastFailureOperation = name;
          }
          throw new StorageUnavailableError(name, { cause: err });
        }
      },
    });
  };
  for (const name of Object.keys(KIND) as (keyof Storage)[]) {
    // An optional method (rateCounts) the adapter lacks stays absent, so callers still see that it is missing.
    if (typeof storage[name] !== 'function') continue;
    if (KIND[name] === 'write' || KIND[name] === 'read') wrap(name);
    else if (KIND[name] === 'as-is')
      Object.defineProperty(guarded, name, {
        value: (...args: unknown[]) => (storage[name] as (...a: unknown[]) => unknown).apply(storage, args),
      });
  }
  Object.defineProperty(guarded, 'responses', {
    value: (...args: Parameters<Storage['responses']>) => guardedRows('responses', storage.responses(...args)),
  });
  Object.defineProperty(guarded, 'memberFacts', {
    value: (...args: Parameters<Storage['memberFacts']>) => guardedRows('memberFacts', storage.memberFacts(...args)),
  });
  Object.defineProperty(guarded, 'rosterMembers', {
    value: (...args: Parameters<Storage['rosterMembers']>) =>
      guardedRows('rosterMembers', storage.rosterMembers(...args)),
  });
  return { storage: guarded, writes };
}

// An export streams rows for minutes; a database lost part way must fail as storage, not as a bug.
async function* guardedRows<T>(name: keyof Storage, rows: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = rows[Symbol.asyncIterator]();
  try {
    while (true) {
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (err) {
        throw new StorageUnavailableError(name, { cause: err });
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}
