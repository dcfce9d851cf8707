import { rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../collector/logging/logger.ts';
import { type RunningCollector, startCollector } from '../../../collector/start-collector.ts';
import { testConfig } from '../http/test-app.ts';
import { tempCollectorDir } from './collector-process.ts';

// Small values so the test waits a fraction of a second, not the 10 s / 30 s defaults.
const SETTINGS = { HEADERS_TIMEOUT_MS: '300', REQUEST_TIMEOUT_MS: '600', IDLE_TIMEOUT_MS: '300', MAX_CONNECTIONS: '3' };
// Far more bytes than the trickle can send before the request timeout: the body never completes.
const BODY_BYTES = 10_000;
// Each test is bounded well below Node's own defaults (300 s, 60 s, 5 s), so a setting not applied fails it.
const BOUND_MS = 4_000;

type Client = { socket: Socket; received: () => string; closed: Promise<void> };

function open(port: number): Promise<Client> {
  return new Promise((resolve, reject) => {
    let received = '';
    const socket = connect(port, '127.0.0.1');
    socket.setEncoding('utf8').on('data', (d: string) => {
      received += d;
    });
    // A reset counts as closed too: the server is done with the connection either way.
    socket.on('error', () => {});
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('connect', () => resolve({ socket, received: () => received, closed }));
    socket.once('error', reject);
  });
}

/** Writes one byte every few milliseconds until the server closes the connection (or the bound is reached). */
function trickle(socket: Socket, bytes: number): void {
  let sent = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || sent++ >= bytes) clearInterval(timer);
    else socket.write('x');
  }, 20);
  socket.once('close', () => clearInterval(timer));
}

describe('a collector facing slow clients', () => {
  let collector: RunningCollector;
  let dir: string;
  beforeAll(async () => {
    const temp = tempCollectorDir();
    dir = temp.dir;
    const config = testConfig({ DATABASE_URL: temp.databaseUrl, SURVEYS_DIR: join(dir, 'surveys'), ...SETTINGS });
    collector = await startCollector({ config, port: 0, host: '127.0.0.1', log: silentLogger, graceMs: 100 });
  });
  afterAll(async () => {
    await collector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'closes every connection that trickles its body one byte at a time, answering 408',
    async () => {
      // Under MAX_CONNECTIONS on purpose: the timeout, not the cap, must be what ends them.
      const clients = await Promise.all([1, 2].map(() => open(collector.port)));
      for (const client of clients) {
        client.socket.write(
          `POST /v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${BODY_BYTES}\r\n\r\n`,
        );
        trickle(client.socket, BODY_BYTES);
      }
      await Promise.all(clients.map((c) => c.closed));
      for (const client of clients) expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    },
    BOUND_MS,
  );

  it(
    'closes a connection that trickles its headers',
    async () => {
      const client = await open(collector.port);
      client.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
      trickle(client.socket, BODY_BYTES);
      await client.closed;
      expect(client.received()).toMatch(/^HTTP\/1\.1 408 /);
    },
    BOUND_MS,
  );

  it(
    'closes a keep-alive connection left idle after its answer',
    async () => {
      const client = await open(collector.port);
      client.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await client.closed;
      expect(client.received()).toMatch(/^HTTP\/1\.1 200 /);
    },
    BOUND_MS,
  );

  it(
    'refuses connections beyond MAX_CONNECTIONS and still serves the ones it holds',
    async () => {
      const held = await Promise.all([1, 2, 3].map(() => open(collector.port)));
      // Each held connection is known to the server once it has answered on it.
      for (const c of held) c.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await Promise.all(held.map((c) => expect.poll(c.received).toMatch(/^HTTP\/1\.1 200 /)));
      const extra = await open(collector.port);
      extra.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      await extra.closed;
      expect(extra.received()).toBe('');
      for (const c of held) c.socket.destroy();
      await Promise.all(held.map((c) => c.closed));
    },
    BOUND_MS,
  );
});
