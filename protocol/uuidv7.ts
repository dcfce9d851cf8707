// protocol/ is typed without DOM or Node libraries; Web Crypto is in browsers, workers and Node 20.
declare const crypto: { getRandomValues(bytes: Uint8Array): Uint8Array };

/**
 * UUID version 7 (RFC 9562): 48-bit Unix milliseconds, then random bits, so ids
 * sort by creation time. Made on the client once and reused on every retry.
 */
export function uuidv7(
  now: number = Date.now(),
  random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const b = random(new Uint8Array(16));
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
