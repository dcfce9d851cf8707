/** Why a roster body cannot be read; `too_large` answers 413, the others 400. */
export class RosterBodyError extends Error {
  override name = 'RosterBodyError';
  constructor(
    readonly code: 'too_large' | 'not_utf8' | 'not_gzip',
    message: string,
  ) {
    super(message);
  }
}

/**
 * A request body as text chunks, counted while it streams (Content-Length may be absent or wrong): past
 * `maxBytes` as sent, or after gzip, it stops reading and throws too_large, so a roster costs at most the limit
 * in memory and a gzip bomb is cut short. Invalid UTF-8 throws not_utf8 rather than becoming U+FFFD in a ref.
 */
export async function* rosterBodyText(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  gzip: boolean,
): AsyncGenerator<string> {
  if (!body) return;
  const tooLarge = (what: string) =>
    new RosterBodyError(
      'too_large',
      `roster body exceeds the limit of ${maxBytes} bytes${what}: split the cohort or raise MAX_ROSTER_BYTES`,
    );
  let sent = 0;
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, out) {
        sent += chunk.byteLength;
        if (sent > maxBytes) throw tooLarge('');
        out.enqueue(chunk);
      },
    }),
  );
  const bytes = gzip
    ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
    : counted;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let read = 0;
  const reader = bytes.getReader();
  try {
    for (;;) {
      let next: Awaited<ReturnType<typeof reader.read>>;
      try {
        next = await reader.read();
      } catch (err) {
        // Only the gunzip step fails on content; a failure of the stream itself (a dropped upload) is not the file's.
        if (err instanceof RosterBodyError || !gzip) throw err;
        throw new RosterBodyError(
          'not_gzip',
          `the roster is not valid gzip: ${(err as Error).message}: compress it with gzip or send it uncompressed`,
        );
      }
      if (next.done) break;
      read += next.value.byteLength;
      if (read > maxBytes) throw tooLarge(' after gzip');
      yield decode(decoder, next.value, true);
    }
    yield decode(decoder, undefined, false);
  } finally {
    await reader.cancel().catch(() => {});
  }
}

function decode(decoder: InstanceType<typeof TextDecoder>, chunk: Uint8Array | undefined, stream: boolean): string {
  try {
    return decoder.decode(chunk, { stream });
  } catch {
    throw new RosterBodyError('not_utf8', 'the roster is not valid UTF-8: save the file as UTF-8 and import it again');
  }
}
