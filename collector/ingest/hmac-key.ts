import { createSecretKey, type KeyObject } from 'node:crypto';

// createHmac with a string secret imports the key again on every call, a visible share of ingest's learner hashing
// (issue 20); a KeyObject made once per secret gives the same HMAC without it. Secrets are a handful per process.
const keys = new Map<string, KeyObject>();

/** The secret as a KeyObject, made once: `createHmac(algorithm, hmacKey(secret))` equals `createHmac(algorithm, secret)`. */
export function hmacKey(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    keys.set(secret, key);
  }
  return key;
}
