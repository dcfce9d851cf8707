import { rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { afterEach, expect, it, vi } from 'vitest';
import { openStorage } from '../../../collector/storage/open-storage.ts';
import { Ack } from '../../../protocol/index.ts';
import { createDatabase } from '../../support/postgres.ts';
import { usePostgresServer } from '../../support/use-postgres-server.ts';
import { ORIGIN, response, SITE_KEY } from '../http/test-app.ts';
import { startCollectorProcess, tempCollectorDir } from './collector-process.ts';

/**
 * Sends the headers with Expect: 100-continue, the first half of the body once the server answers them
 * (Node's server sends 100 Continue as it parses the headers, so the request is then certainly the
 * server's), and the rest on finish(): a request certainly in flight in between.
 */
function slowPost(url: string, body: string) {
  const { hostname, port } = new URL(url);
  const bytes = Buffer.from(body);
  const req = request({
    hostname,
    port,
    path: '/v1/responses',
    method: 'POST',
    // Keep-alive, as browsers and fetch do: shutdown must not wait for idle connections to time out.
    agent: new Agent({ keepAlive: true }),
    headers: {
      'content-type': 'application/json',
      'content-length': bytes.length,
      origin: ORIGIN,
      expect: '100-continue',
    },
  });
  const result = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => {
        text += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
  });
  const firstHalfSent = new Promise<void>((resolve) =>
    req.once('continue', () => req.write(bytes.subarray(0, bytes.length / 2), () => resolve())),
  );
  req.flushHeaders();
  return { firstHalfSent, result, finish: () => req.end(bytes.subarray(bytes.length / 2)) };
}

const cleanup: (() => void)[] = [];
afterEach(() => {
  for (const f of cleanup.splice(0)) f();
});

const pgServer = usePostgresServer();

it.each([
  ['SQLite', (sqliteUrl: string) => Promise.resolve(sqliteUrl)],
  ['PostgreSQL', async () => (await createDatabase(pgServer())).url],
])('finishes requests in flight on SIGTERM, stores them, refuses new ones and exits 0 (%s)', async (_db, database) => {
  const { dir, databaseUrl: sqliteUrl } = tempCollectorDir();
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const databaseUrl = await database(sqliteUrl);
  const collector = await startCollectorProcess(dir, databaseUrl);
  cleanup.push(() => collector.child.exitCode === null && collector.child.kill('SIGKILL'));

  const batches = [0, 1, 2].map(() => [response(), response()]);
  const posts = batches.map((b) => slowPost(collector.url, JSON.stringify({ siteKey: SITE_KEY, responses: b })));
  await Promise.all(posts.map((p) => p.firstHalfSent));
  collector.child.kill('SIGTERM');
  // main.ts logs "stopping" in the same turn as it stops listening, so no new connection is taken after it.
  await vi.waitFor(() => expect(collector.lines.some((l) => l.includes('"event":"stopping"'))).toBe(true), {
    timeout: 10_000,
  });
  await expect(fetch(`${collector.url}/healthz`)).rejects.toThrow();
  for (const p of posts) p.finish();

  for (const [i, p] of posts.entries()) {
    const { status, body } = await p.result;
    expect(status).toBe(200);
    expect(Ack.parse(JSON.parse(body)).accepted).toEqual(batches[i].map((r) => r.id));
  }
  expect(await collector.exited).toBe(0);
  expect(collector.lines.some((l) => l.includes('"event":"stopped"'))).toBe(true);

  const storage = await openStorage(databaseUrl);
  try {
    expect(await storage.count({})).toBe(6);
  } finally {
    await storage.close();
  }
});
