import { createHmac } from 'node:crypto';

/** The only form in which a learner ref is kept: a keyed hash, so the database alone cannot be joined back to the host's ids. */
export function learnerHash(ref: string, secret: string): string {
  return createHmac('sha256', secret).update(ref, 'utf8').digest('hex');
}
