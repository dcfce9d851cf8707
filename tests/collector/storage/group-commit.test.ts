import { describe, expect, it } from 'vitest';
import { groupCommit } from '../../../collector/storage/group-commit.ts';

/** A write that records each call and settles only when the test says so, like a commit waiting on fsync. */
function heldWrite(fail: (records: string[]) => boolean = () => false) {
  const calls: { records: string[]; finish(): void }[] = [];
  const write = (records: string[]) =>
    new Promise<string[]>((resolve, reject) => {
      calls.push({
        records,
        finish: () =>
          fail(records) ? reject(new Error(`refused ${records.join(',')}`)) : resolve(records.map((r) => `ok:${r}`)),
      });
    });
  return { calls, write };
}

const settled = async <T>(p: Promise<T>) => {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setImmediate(r));
  return done;
};

const until = async (condition: () => boolean) => {
  while (!condition()) await new Promise((r) => setImmediate(r));
};

describe('groupCommit', () => {
  it('writes the inserts of one turn in one call and gives each caller its own statuses', async () => {
    const { calls, write } = heldWrite();
    const group = groupCommit(write);
    const a = group.insert(['a1', 'a2']);
    const b = group.insert(['b1']);
    await until(() => calls.length === 1);
    expect(calls[0].records).toEqual(['a1', 'a2', 'b1']);
    calls[0].finish();
    expect(await a).toEqual(['ok:a1', 'ok:a2']);
    expect(await b).toEqual(['ok:b1']);
  });

  it('settles no caller before the write that holds its records returned', async () => {
    const { calls, write } = heldWrite();
    const group = groupCommit(write);
    const a = group.insert(['a']);
    await until(() => calls.length === 1);
    expect(await settled(a)).toBe(false);
    calls[0].finish();
    expect(await a).toEqual(['ok:a']);
  });

  it('gathers the inserts that arrive during a write into the next one', async () => {
    const { calls, write } = heldWrite();
    const group = groupCommit(write);
    const first = group.insert(['a']);
    await until(() => calls.length === 1);
    const later = [group.insert(['b']), group.insert(['c'])];
    await new Promise((r) => setImmediate(r));
    expect(calls).toHaveLength(1);
    calls[0].finish();
    await first;
    await until(() => calls.length === 2);
    expect(calls[1].records).toEqual(['b', 'c']);
    calls[1].finish();
    expect(await Promise.all(later)).toEqual([['ok:b'], ['ok:c']]);
  });

  it('writes each caller alone when the shared write fails, so only the caller with bad records fails', async () => {
    const { calls, write } = heldWrite((records) => records.includes('bad'));
    const group = groupCommit(write);
    const results = Promise.allSettled([group.insert(['a']), group.insert(['bad', 'x']), group.insert(['c'])]);
    for (let n = 1; n <= 4; n++) {
      await until(() => calls.length === n);
      calls[n - 1].finish();
    }
    expect(calls.map((c) => c.records)).toEqual([['a', 'bad', 'x', 'c'], ['a'], ['bad', 'x'], ['c']]);
    const [a, bad, c] = await results;
    expect(a).toEqual({ status: 'fulfilled', value: ['ok:a'] });
    expect(c).toEqual({ status: 'fulfilled', value: ['ok:c'] });
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('refused bad,x') });
  });

  it('drains: resolves once nothing is queued or being written', async () => {
    const { calls, write } = heldWrite();
    const group = groupCommit(write);
    await group.drain();
    const a = group.insert(['a']);
    const drained = group.drain();
    await until(() => calls.length === 1);
    expect(await settled(drained)).toBe(false);
    calls[0].finish();
    await drained;
    expect(await a).toEqual(['ok:a']);
  });
});
