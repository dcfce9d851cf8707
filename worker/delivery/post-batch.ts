import type { ContactEvent } from '../../protocol/contact-event.ts';
import type { SurveyResponse } from '../../protocol/index.ts';
import type { Destination } from '../storage/queued-item.ts';
import { parseRetryAfter } from './backoff.ts';
import type { SendOutcome } from './classify-result.ts';

const TIMEOUT_MS = 30_000;

/** POSTs one batch (responses and contact events) to the collector; never throws: every failure comes back as an outcome to classify. */
export async function postBatch(
  to: Destination,
  responses: SurveyResponse[],
  fetchFn: typeof fetch,
  now: () => number,
  events: ContactEvent[] = [],
): Promise<SendOutcome> {
  const url = `${to.endpoint.replace(/\/+$/, '')}/v1/responses`;
  try {
    const res = await fetchFn(url, {
      method: 'POST',
      // `events` only when there are some, so a collector from before them still reads the envelope.
      ...(await encode(
        JSON.stringify(events.length ? { siteKey: to.siteKey, responses, events } : { siteKey: to.siteKey, responses }),
      )),
      credentials: 'omit',
      signal: typeof AbortSignal.timeout === 'function' ? AbortSignal.timeout(TIMEOUT_MS) : undefined,
    });
    let body: unknown;
    try {
      body = (res.headers.get('content-type') ?? '').includes('json') ? await res.json() : await res.text();
    } catch {
      body = undefined; // connection cut mid-body: nothing was acknowledged
    }
    return {
      kind: 'http',
      status: res.status,
      body,
      retryAfterMs: parseRetryAfter(res.headers.get('retry-after'), now()),
    };
  } catch (err) {
    return { kind: 'network', message: `POST ${url}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

async function encode(json: string): Promise<{ body: BodyInit; headers: Record<string, string> }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (typeof CompressionStream !== 'function') return { body: json, headers };
  const gzipped = await new Response(
    new Blob([json]).stream().pipeThrough(new CompressionStream('gzip')),
  ).arrayBuffer();
  return { body: gzipped, headers: { ...headers, 'Content-Encoding': 'gzip' } };
}
