import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Writes text (or UTF-8 bytes) chunks to a file (or a stream such as stdout) with backpressure: the source is pulled only as fast as it drains. */
export async function writeExport(
  chunks: AsyncIterable<string | Uint8Array>,
  to: string | NodeJS.WritableStream,
): Promise<void> {
  await pipeline(Readable.from(chunks, { objectMode: false }), typeof to === 'string' ? createWriteStream(to) : to);
}

/** The same chunks as a web stream, for an HTTP body; pulled on demand, cancelled with the request. */
export function exportBody(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    },
    // Chunks hold many rows each (export-chunks.ts): two queued ahead keep the socket busy in little memory.
    { highWaterMark: 2 },
  );
}
