import { rmSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../collector/logging/logger.ts';
import { type RunningCollector, startCollector } from '../../../collector/start-collector.ts';
import { batch, ORIGIN, response, testConfig } from '../http/test-app.ts';
import { tempCollectorDir } from './collector-process.ts';

const MAX_BODY_BYTES = 4096;

type Sent = { status: number; body: string };

/** POSTs over a real socket; `chunks` go out one write each, and no Content-Length is sent (chunked encoding). */
function postRaw(url: string, chunks: Buffer[], headers: Record<string, string> = {}): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/v1/responses`,
      { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

// Issue 20: on a real server the body of POST /v1/responses is read from Node's request stream, not through a fetch
// Request; the limits and answers must be those app.request() tests see (tests/collector/http/responses-route.test.ts).
describe('POST /v1/responses over a real socket', () => {
  let dir: string;
  let collector: RunningCollector;
  beforeAll(async () => {
    const made = tempCollectorDir();
    dir = made.dir;
    const config = testConfig({
      DATABASE_URL: made.databaseUrl,
      SURVEYS_DIR: join(dir, 'surveys'),
      MAX_BODY_BYTES: String(MAX_BODY_BYTES),
    });
    collector = await startCollector({ config, port: 0, host: '127.0.0.1', log: silentLogger });
  });
  afterAll(async () => {
    await collector.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepts a body sent in several chunks', async () => {
    const r = response();
    const json = Buffer.from(JSON.stringify(batch(r)));
    const half = Math.floor(json.length / 2);
    const sent = await postRaw(collector.url, [json.subarray(0, half), json.subarray(half)]);
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body)).toEqual({ accepted: [r.id], duplicate: [], rejected: [] });
  });

  it('accepts a gzip body', async () => {
    const r = response();
    const sent = await postRaw(collector.url, [gzipSync(JSON.stringify(batch(r)))], { 'content-encoding': 'gzip' });
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body).accepted).toEqual([r.id]);
  });

  it('answers 413 to a chunked body that grows past the limit, naming the limit', async () => {
    const padding = Buffer.from(`{"siteKey":"x","pad":"${'a'.repeat(MAX_BODY_BYTES)}"}`);
    const sent = await postRaw(collector.url, [padding.subarray(0, 1000), padding.subarray(1000)]);
    expect(sent.status).toBe(413);
    expect(JSON.parse(sent.body).error).toBe(`body exceeds the limit of ${MAX_BODY_BYTES} bytes`);
  });

  it.each([
    ['JSON', [Buffer.from('{"siteKey": ')], {}, /^body is not valid JSON/],
    ['UTF-8', [Buffer.from([0x7b, 0xff, 0x7d])], {}, /^body is not valid UTF-8$/],
    ['gzip', [Buffer.from('not gzip')], { 'content-encoding': 'gzip' }, /^body is not valid gzip/],
  ])('answers 400 to a body that is not valid %s', async (_what, chunks, headers, error) => {
    const sent = await postRaw(collector.url, chunks, headers);
    expect(sent.status).toBe(400);
    expect(JSON.parse(sent.body).error).toMatch(error);
  });
});
