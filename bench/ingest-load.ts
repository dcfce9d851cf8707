import { Agent, request } from 'node:http';
import { gzipSync } from 'node:zlib';

export type Body = { bytes: Buffer; gzip: boolean };

export type Poster = { post(body: Body): Promise<number>; close(): void };

/** A keep-alive HTTP client for POST /v1/responses that checks every batch was accepted in full. */
export function poster(baseUrl: string, origin: string, expectAccepted: number): Poster {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL('/v1/responses', baseUrl);
  return {
    post(body) {
      const t0 = performance.now();
      return new Promise((resolve, reject) => {
        const req = request(
          url,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': body.bytes.length,
              origin,
              ...(body.gzip ? { 'content-encoding': 'gzip' } : {}),
            },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString();
              if (res.statusCode !== 200)
                return reject(new Error(`POST /v1/responses answered ${res.statusCode}: ${text.slice(0, 300)}`));
              const ack = JSON.parse(text) as { accepted: string[]; rejected: unknown[] };
              if (ack.accepted.length !== expectAccepted)
                return reject(
                  new Error(
                    `POST /v1/responses accepted ${ack.accepted.length} of ${expectAccepted}: ${JSON.stringify(ack.rejected).slice(0, 400)}`,
                  ),
                );
              resolve(performance.now() - t0);
            });
          },
        );
        req.on('error', reject);
        req.end(body.bytes);
      });
    },
    close: () => agent.destroy(),
  };
}

export function encode(siteKey: string, responses: unknown[], gzip = false): Body {
  const json = Buffer.from(JSON.stringify({ siteKey, responses }));
  return { bytes: gzip ? gzipSync(json) : json, gzip };
}

/** Closed loop: `concurrency` requests in flight until every body is sent. Returns seconds. */
export async function sendAll(p: Poster, bodies: Body[], concurrency: number): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < bodies.length) await p.post(bodies[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (performance.now() - t0) / 1000;
}

/** Open loop at a fixed rate (a request every 1000/rate ms, whether or not the last one answered). Returns latencies in ms. */
export async function sendAtRate(p: Poster, bodies: Body[], perSecond: number): Promise<number[]> {
  const start = performance.now();
  const pending: Promise<number>[] = [];
  for (let i = 0; i < bodies.length; i++) {
    const due = start + (i * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(p.post(bodies[i]));
  }
  return Promise.all(pending);
}
