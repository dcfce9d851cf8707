import { createHmac, timingSafeEqual } from 'node:crypto';
import { hmacKey } from './hmac-key.ts';

/**
 * What the collector may believe about a learnerRef:
 * - verified: the site key has a learnerSecret and the ref came with its signature;
 * - unchecked: the site key has no learnerSecret, so the ref is taken on trust (as before issue 14);
 * - unverified: the site key has a learnerSecret and the signature is missing or wrong, so the ref is not used.
 */
export type LearnerRefStatus = 'verified' | 'unchecked' | 'unverified';

/** The signature a host's back end sends with a learnerRef: hex HMAC-SHA-256 keyed by the site's learnerSecret. */
export function learnerSignature(learnerRef: string, learnerSecret: string): string {
  return createHmac('sha256', hmacKey(learnerSecret)).update(learnerRef, 'utf8').digest('hex');
}

/** Judges a ref and its signature against the site key's secret, in constant time for a well-formed signature. */
export function learnerRefStatus(
  learnerRef: string,
  learnerSig: string | undefined,
  learnerSecret: string | undefined,
): LearnerRefStatus {
  if (learnerSecret === undefined) return 'unchecked';
  if (learnerSig === undefined) return 'unverified';
  const expected = Buffer.from(learnerSignature(learnerRef, learnerSecret), 'hex');
  // Hex of either case decodes alike; anything that is not 64 hex digits cannot be the signature,
  // and timingSafeEqual needs equal lengths, so the length check comes first (it reveals only the length).
  const given = /^[0-9a-fA-F]{64}$/.test(learnerSig) ? Buffer.from(learnerSig, 'hex') : null;
  return given && timingSafeEqual(given, expected) ? 'verified' : 'unverified';
}
