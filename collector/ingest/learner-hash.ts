import { createHmac } from 'node:crypto';
import { hmacKey } from './hmac-key.ts';

/** The only form in which a learner ref is kept: a keyed hash, so the database alone cannot be joined back to the host's ids. */
export function learnerHash(ref: string, secret: string): string {
  return createHmac('sha256', hmacKey(secret)).update(ref, 'utf8').digest('hex');
}
