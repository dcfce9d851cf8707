import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { appSettings, createApp } from './app.ts';
import type { Config } from './config/load-config.ts';
import { ListenError } from './listen-error.ts';
import { jsonLogger, type Logger } from './logging/logger.ts';
import { openStorage } from './storage/open-storage.ts';
import { purgeExpired } from './storage/purge-expired.ts';
import { SurveyRegistry } from './surveys/survey-registry.ts';

export type RunningCollector = { url: string; port: number; close(): Promise<void> };

export type StartOptions = {
  config: Config;
  /** Default to the configuration's; port 0 picks a free one. */
  port?: number;
  host?: string;
  log?: Logger;
  /** How long close() lets requests in flight finish before cutting their connections. */
  graceMs?: number;
  /** The clock for retention and the app; tests pass a fixed one. */
  now?: () => number;
};

const PURGE_EVERY_MS = 24 * 60 * 60 * 1000;

/** Configuration → surveys → storage → app → listening server. Used by main.ts, `npm start` and browser tests. */
export async function startCollector({
  config,
  port = config.port,
  host = config.host,
  log = jsonLogger(),
  graceMs = 10_000,
  now = Date.now,
}: StartOptions): Promise<RunningCollector> {
  // Surveys first: a bad survey file should stop the start before any database is touched.
  const surveys = SurveyRegistry.fromFolder(config.surveysDir);
  const storage = await openStorage(config.databaseUrl, { poolSize: config.databasePoolSize, startWriter: true });
  // Before serving, so that nothing past retention is exported; then daily. Purges never overlap.
  const purge = () => purgeExpired(storage, config.retentionMonths, now(), log);
  let purging = purge();
  await purging;
  const app = createApp({ storage, surveys, settings: appSettings(config) }, { config, log, now });
  const server = serve({
    fetch: app.fetch,
    port,
    hostname: host,
    serverOptions: {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      keepAliveTimeout: config.idleTimeoutMs,
      // Node checks the two timeouts above only this often (30 s by default), so a short timeout would not hold.
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(config.headersTimeoutMs / 4))),
    },
  });
  server.maxConnections = config.maxConnections;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  } catch (err) {
    await storage.close();
    throw new ListenError(host, port, err as NodeJS.ErrnoException, 'COLLECTOR_PORT');
  }
  const actualPort = (server.address() as AddressInfo).port;
  const daily = setInterval(() => {
    purging = purging.then(purge);
  }, PURGE_EVERY_MS);
  // The timer alone must not keep a process (a test, a CLI) alive.
  daily.unref();
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${actualPort}`,
    port: actualPort,
    close() {
      // Stop accepting, let requests in flight finish (each is acknowledged only once stored), then close storage.
      clearInterval(daily);
      closing ??= new Promise<void>((resolve) => {
        // close() waits for keep-alive connections too; dropping each one as soon as it goes idle
        // (its request answered) lets shutdown end with the last request, not the keep-alive timeout.
        const idle = setInterval(() => 'closeIdleConnections' in server && server.closeIdleConnections(), 50);
        const cut = setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), graceMs);
        server.close(() => {
          clearInterval(idle);
          clearTimeout(cut);
          resolve();
        });
      })
        .then(() => purging)
        .then(() => storage.close());
      return closing;
    },
  };
}
