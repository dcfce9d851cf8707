import { rmSync } from 'node:fs';
import { afterAll, expect, it } from 'vitest';
import { Ack } from '../../../protocol/index.ts';
import { createDatabase, type Postgres, startPostgres } from '../../support/postgres.ts';
import { response } from '../http/test-app.ts';
import { type CollectorProcess, startCollectorProcess, tempCollectorDir } from '../main/collector-process.ts';
import { postBatch, send } from './pg-collectors.ts';

const STREAM = 20;

// A cluster of this file's own: stopping the run's shared one would break every other file.
let server: Postgres | undefined;
let collector: CollectorProcess | undefined;
const { dir } = tempCollectorDir();
afterAll(async () => {
  if (collector?.child.exitCode === null) collector.child.kill('SIGKILL');
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 30_000);

// A real process, because the failure this guards against is the process dying of an
// uncaught 'error' event from a pooled connection, which an in-process server hides.
it('keeps running and answers 503 with Retry-After, never an ack, when PostgreSQL goes away mid-stream', async () => {
  server = await startPostgres();
  // Not dropped afterwards: the whole cluster goes, and a DROP would find no server.
  const db = await createDatabase(server.url);
  collector = await startCollectorProcess(dir, db.url);
  expect((await send(collector.url, [response()])).accepted).toHaveLength(1);

  // A stream of batches races the shutdown of the cluster: each answer is an ack or a 503, nothing else.
  const stopping = server.stop();
  const answers: number[] = [];
  for (let i = 0; i < STREAM; i++) {
    const res = await postBatch(collector.url, [response(), response()]);
    answers.push(res.status);
    if (res.status === 200) expect(Ack.parse(await res.json()).rejected).toEqual([]);
    else await res.body?.cancel();
  }
  await stopping;
  server = undefined;
  expect(answers.filter((s) => s !== 200 && s !== 503)).toEqual([]);

  const res = await postBatch(collector.url, [response()]);
  expect(res.status).toBe(503);
  expect(res.headers.get('retry-after')).toBe('5');
  expect((await res.json()).error).toMatch(/^storage unavailable: insert failed and nothing was stored/);

  const health = await fetch(`${collector.url}/healthz`);
  expect(health.status).toBe(503);
  expect(await health.json()).toMatchObject({ ok: false, storage: 'down', writes: 'failing' });
  expect(collector.child.exitCode).toBeNull();
  expect(collector.lines.some((l) => l.includes('"event":"storage_error"'))).toBe(true);
}, 60_000);
