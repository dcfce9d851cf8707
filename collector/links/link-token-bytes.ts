// The canonical bytes of a personal-link token, version 1 (docs/follow-up.md has the table). Fixed order, fixed
// widths, length-prefixed strings, no optional separators: one set of claims has exactly one encoding, so the MAC is
// over the bytes and nothing has to be re-serialised to check it.

export const TOKEN_VERSION = 1;
/** HMAC-SHA-256 truncated to 128 bits (as RFC 4868 does for IPsec): forging needs about 2^128 guesses. */
export const MAC_BYTES = 16;
export const HASH_BYTES = 32;

/** What a token says, decoded; times are whole seconds since the Unix epoch. */
export type TokenFields = {
  keyId: string;
  issuedAt: number;
  expiresAt: number;
  /** The learner ref's keyed hash (collector/ingest/learner-hash.ts) as lowercase hex. */
  learnerHash: string;
  surveyId: string;
  cohortId: string;
  wave: string;
  /** Empty when the token names no language. */
  language: string;
};

const utf8 = new TextEncoder();
// fatal: a byte sequence that is not UTF-8 is a malformed token, never a string with U+FFFD in it.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function pushString(parts: Uint8Array[], value: string): void {
  const bytes = utf8.encode(value);
  if (bytes.length > 255) throw new RangeError('a token string field is limited to 255 bytes');
  parts.push(Uint8Array.of(bytes.length), bytes);
}

function uint32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value);
  return out;
}

/** The signed part of a token: everything before the MAC. The caller checks the fields first. */
export function encodeFields(f: TokenFields): Buffer {
  const parts: Uint8Array[] = [Uint8Array.of(TOKEN_VERSION)];
  pushString(parts, f.keyId);
  parts.push(uint32(f.issuedAt), uint32(f.expiresAt), Buffer.from(f.learnerHash, 'hex'));
  for (const value of [f.surveyId, f.cohortId, f.wave, f.language]) pushString(parts, value);
  return Buffer.concat(parts);
}

/** Reads `signed` back into fields, or undefined when its bytes are not exactly one version-1 encoding. */
export function decodeFields(signed: Buffer): TokenFields | undefined {
  let at = 0;
  const take = (n: number): Buffer | undefined => {
    if (at + n > signed.length) return undefined;
    const out = signed.subarray(at, at + n);
    at += n;
    return out;
  };
  const readString = (): string | undefined => {
    const length = take(1)?.[0];
    const bytes = length === undefined ? undefined : take(length);
    if (bytes === undefined) return undefined;
    try {
      return strictUtf8.decode(bytes);
    } catch {
      return undefined;
    }
  };
  if (take(1)?.[0] !== TOKEN_VERSION) return undefined;
  const keyId = readString();
  const times = take(8);
  const hash = take(HASH_BYTES);
  const surveyId = readString();
  const cohortId = readString();
  const wave = readString();
  const language = readString();
  if (
    keyId === undefined ||
    times === undefined ||
    hash === undefined ||
    surveyId === undefined ||
    cohortId === undefined ||
    wave === undefined ||
    language === undefined ||
    at !== signed.length
  )
    return undefined;
  return {
    keyId,
    issuedAt: times.readUInt32BE(0),
    expiresAt: times.readUInt32BE(4),
    learnerHash: hash.toString('hex'),
    surveyId,
    cohortId,
    wave,
    language,
  };
}
