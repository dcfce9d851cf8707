import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../../../collector/storage/open-storage.ts';
import type { Storage } from '../../../../collector/storage/storage.ts';
import { makeRecord } from '../make-record.ts';

// Issue 20: a file database's inserts run on the write thread, so the thread serving requests is never blocked by a
// write: neither by its statements and COMMIT + fsync, nor by a wait for the write lock.
describe('SQLite write thread', () => {
  let dir: string;
  let storage: Storage;
  let other: Database.Database | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outcome-write-thread-'));
    storage = await openStorage(`sqlite:${join(dir, 'outcomes.sqlite')}`);
  });
  afterEach(async () => {
    if (other?.inTransaction) other.exec('ROLLBACK');
    other?.close();
    await storage.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps answering reads while an insert waits for the write lock, and stores it once the lock is free', async () => {
    // Another connection on this thread holds the write lock. Were the insert run here, its busy wait would block
    // this thread for 5 s, so the lock could never be released in time and the insert would fail with SQLITE_BUSY.
    other = new Database(join(dir, 'outcomes.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    let settled = false;
    const inserting = storage.insert([makeRecord()]).finally(() => {
      settled = true;
    });
    // A few turns of the event loop: group commit starts its write in the first (setImmediate).
    for (let turn = 0; turn < 3; turn++) await new Promise(setImmediate);

    expect(await storage.count({})).toBe(0);
    expect(await storage.ping()).toBe(true);
    expect(settled).toBe(false);

    other.exec('COMMIT');
    expect(await inserting).toEqual(['accepted']);
    expect(await storage.count({})).toBe(1);
  });

  it('tells a duplicate from a conflict across requests written together by the thread', async () => {
    const first = makeRecord();
    expect(await storage.insert([first])).toEqual(['accepted']);
    const [again, changed, fresh] = await Promise.all([
      storage.insert([{ ...first }]),
      storage.insert([{ ...first, contentHash: 'other' }]),
      storage.insert([makeRecord()]),
    ]);
    expect([again, changed, fresh]).toEqual([['duplicate'], ['conflict'], ['accepted']]);
  });

  it('passes on the database error of a refused write, with its driver code', async () => {
    other = new Database(join(dir, 'outcomes.sqlite'));
    other.exec(
      `CREATE TRIGGER refuse BEFORE INSERT ON responses BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`,
    );
    await expect(storage.insert([makeRecord()])).rejects.toMatchObject({
      message: 'database or disk is full',
      code: 'SQLITE_CONSTRAINT_TRIGGER',
    });
  });

  it('refuses inserts once closed, naming the database', async () => {
    await storage.insert([makeRecord()]);
    await storage.close();
    await expect(storage.insert([makeRecord()])).rejects.toThrow(/outcomes\.sqlite is closed/);
    storage = await openStorage(`sqlite:${join(dir, 'outcomes.sqlite')}`);
    expect(await storage.count({})).toBe(1);
  });
});
