import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';

const gunzipAsync = promisify(gunzip);

export type BodyResult = { ok: true; value: unknown } | { ok: false; status: 400 | 413 | 415; error: string };

class TooLarge extends Error {}

const fail = (status: 400 | 413 | 415, error: string): BodyResult => ({ ok: false, status, error });

/**
 * Reads a JSON request body within a byte budget, both as sent and after gzip:
 * the raw stream is counted as it arrives, and decompression stops as soon as
 * its output passes the budget, so a gzip bomb costs at most the budget in memory.
 * `incoming`, Node's own request stream when the server runs on @hono/node-server, is read instead of `req.body`:
 * the same bytes, without building a fetch Request and a web stream over it (issue 20's ingest profile).
 */
export async function readJsonBody(req: Request, maxBytes: number, incoming?: Readable): Promise<BodyResult> {
  const type = req.headers.get('content-type');
  const media = /^\s*application\/json\s*(;|$)/i.test(type ?? '');
  if (!media)
    return fail(
      415,
      `expected Content-Type: application/json, got ${type ? JSON.stringify(type.slice(0, 100)) : 'none'}`,
    );
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type ?? '')?.[1];
  if (charset && charset.toLowerCase() !== 'utf-8')
    return fail(415, `expected charset utf-8, got ${JSON.stringify(charset.slice(0, 40))}`);
  const encoding = (req.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip')
    return fail(415, `unsupported Content-Encoding ${JSON.stringify(encoding.slice(0, 40))}: send identity or gzip`);
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > maxBytes) return fail(413, `body of ${declared} bytes exceeds the limit of ${maxBytes} bytes`);

  let bytes: Uint8Array;
  try {
    bytes = incoming ? await readCappedNode(incoming, maxBytes) : await readCapped(req.body, maxBytes);
  } catch (err) {
    if (err instanceof TooLarge) return fail(413, `body exceeds the limit of ${maxBytes} bytes`);
    return fail(400, `could not read the body: ${(err as Error).message}`);
  }
  if (encoding === 'gzip') {
    try {
      bytes = await gunzipAsync(bytes, { maxOutputLength: maxBytes });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        return fail(413, `decompressed body exceeds the limit of ${maxBytes} bytes`);
      return fail(400, `body is not valid gzip: ${(err as Error).message}`);
    }
  }
  if (bytes.length === 0) return fail(400, 'empty body: expected a JSON object');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(400, 'body is not valid UTF-8');
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return fail(400, `body is not valid JSON: ${(err as Error).message.slice(0, 200)}`);
  }
}

async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, size);
}

async function readCappedNode(incoming: Readable, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop early destroys the stream, as cancelling the web stream did.
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new TooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}
