import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { Ack } from '../../../protocol/index.ts';
import { ORIGIN, response, SITE_KEY } from '../http/test-app.ts';
import { cleanup, exportRows, freshDatabase, send, startPgCollector } from './pg-collectors.ts';

afterEach(cleanup);

const surveys = (url: string, forwardedFor?: string) =>
  fetch(`${url}/v1/surveys`, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} }).then((res) => {
    void res.body?.cancel();
    return res.status;
  });

/** Sends the first half of a POST now and the rest on finish(): a request certainly in flight in between. */
function slowPost(url: string, responses: unknown[]) {
  const bytes = Buffer.from(JSON.stringify({ siteKey: SITE_KEY, responses }));
  const { hostname, port } = new URL(url);
  const req = request({
    hostname,
    port,
    path: '/v1/responses',
    method: 'POST',
    // Node's server answers 100 Continue as it parses the headers: from then on the request is in flight.
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
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
  });
  const started = new Promise<void>((resolve) =>
    req.once('continue', () => req.write(bytes.subarray(0, bytes.length / 2), () => resolve())),
  );
  req.flushHeaders();
  return { started, result, finish: () => req.end(bytes.subarray(bytes.length / 2)) };
}

describe('several instances behind a load balancer', () => {
  it('counts rate limits per instance, in memory: each instance spends its own budget', async () => {
    const db = await freshDatabase();
    const env = { RATE_LIMIT_PER_ADDRESS: '2' };
    const [a, b] = await Promise.all([startPgCollector(db, env), startPgCollector(db, env)]);
    expect([await surveys(a.url), await surveys(a.url), await surveys(a.url)]).toEqual([200, 200, 429]);
    expect([await surveys(b.url), await surveys(b.url), await surveys(b.url)]).toEqual([200, 200, 429]);
  });

  it.each([
    // Without TRUST_PROXY the header is the client's to forge: ignored, every request counts for the socket's address.
    ['false', ['10.0.0.1', '10.0.0.2'], [200, 429]],
    // With it, the last entry (the one the balancer appended) is the client; entries before it are not trusted.
    ['true', ['10.0.0.1', '10.0.0.2', '10.0.0.1', 'forged, 10.0.0.2'], [200, 200, 429, 429]],
  ])('with TRUST_PROXY=%s takes the client address as the limit key accordingly', async (trust, from, statuses) => {
    const c = await startPgCollector(await freshDatabase(), { RATE_LIMIT_PER_ADDRESS: '1', TRUST_PROXY: trust });
    const got: number[] = [];
    for (const address of from) got.push(await surveys(c.url, address));
    expect(got).toEqual(statuses);
  });

  it('lets one instance shut down gracefully mid-request while the other keeps serving (rolling deploy)', async () => {
    const db = await freshDatabase();
    const [a, b] = await Promise.all([startPgCollector(db), startPgCollector(db)]);
    const slow = [response(), response()];
    const post = slowPost(a.url, slow);
    // The server has read the headers (it sent 100 Continue) before close(), so the request counts as in flight.
    await post.started;
    const closing = a.close();
    await expect(fetch(`${a.url}/healthz`)).rejects.toThrow();
    const other = [response()];
    expect((await send(b.url, other)).accepted).toEqual([other[0].id]);
    post.finish();
    const { status, body } = await post.result;
    expect(status).toBe(200);
    expect(Ack.parse(JSON.parse(body)).accepted).toEqual(slow.map((r) => r.id));
    await closing;
    const exported = (await exportRows(b.url)).map((row) => row.id);
    expect(exported.sort()).toEqual([...slow, ...other].map((r) => r.id).sort());
  });
});
