import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type Logger, silentLogger } from '../../../collector/logging/logger.ts';
import { type RunningCollector, startCollector } from '../../../collector/start-collector.ts';
import { Ack } from '../../../protocol/index.ts';
import { createDatabase, type Postgres, startPostgres } from '../../support/postgres.ts';
import { ORIGIN, SITE_KEY, TOKEN, testConfig } from '../http/test-app.ts';
import { tempCollectorDir } from '../main/collector-process.ts';

/**
 * Collectors over a real PostgreSQL for the tests in this folder. Everything made here is
 * registered for `cleanup()`, which each file calls in afterEach / afterAll.
 */
const undo: (() => unknown)[] = [];
let own: Postgres | undefined;

export async function cleanup(): Promise<void> {
  // Collectors first (they hold pool connections), then databases, then folders: reverse order of creation.
  for (const f of undo.splice(0).reverse()) await f();
}

/** The run's shared server (global setup or TEST_DATABASE_URL); run without either, a cluster of this file's own. */
async function serverUrl(): Promise<string> {
  const given = inject('pgUrl') ?? process.env.TEST_DATABASE_URL;
  if (given) return given;
  own ??= await startPostgres();
  return own.url;
}

export async function stopOwnServer(): Promise<void> {
  await own?.stop();
  own = undefined;
}

/** A new empty database on the shared server, dropped by cleanup(). */
export async function freshDatabase(server?: string): Promise<string> {
  const db = await createDatabase(server ?? (await serverUrl()));
  undo.push(() => db.drop());
  return db.url;
}

/** A folder holding the test survey (tests/collector/http/test-app.ts SURVEY), removed by cleanup(). */
export function surveysDir(): string {
  const { dir } = tempCollectorDir();
  undo.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'surveys');
}

/** One collector instance (its own pool, its own in-memory limits) over the database at `databaseUrl`. */
export async function startPgCollector(
  databaseUrl: string,
  env: Record<string, string> = {},
  log: Logger = silentLogger,
): Promise<RunningCollector> {
  const config = testConfig({
    DATABASE_URL: databaseUrl,
    SURVEYS_DIR: surveysDir(),
    RATE_LIMIT_PER_ADDRESS: '1000000',
    RATE_LIMIT_PER_SITE_KEY: '1000000',
    ...env,
  });
  const collector = await startCollector({ config, port: 0, host: '127.0.0.1', log, graceMs: 2_000 });
  undo.push(() => collector.close());
  return collector;
}

export function postBatch(url: string, responses: unknown[], headers: Record<string, string> = {}) {
  return fetch(`${url}/v1/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
    body: JSON.stringify({ siteKey: SITE_KEY, responses }),
  });
}

/** POSTs a batch and returns its ack, failing on anything but 200. */
export async function send(url: string, responses: unknown[]): Promise<Ack> {
  const res = await postBatch(url, responses);
  if (res.status !== 200) throw new Error(`POST ${url}/v1/responses answered ${res.status}: ${await res.text()}`);
  return Ack.parse(await res.json());
}

/** The researcher's JSONL export, one parsed record per line. */
export async function exportRows(url: string): Promise<Record<string, unknown>[]> {
  const res = await fetch(`${url}/v1/export?format=jsonl`, { headers: { authorization: `Bearer ${TOKEN}` } });
  if (res.status !== 200) throw new Error(`GET ${url}/v1/export answered ${res.status}: ${await res.text()}`);
  const text = await res.text();
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
