import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLinkKeys } from '../../../collector/links/link-keys.ts';
import { signLinkToken } from '../../../collector/links/link-token.ts';
import { MAC_BYTES } from '../../../collector/links/link-token-bytes.ts';
import { post, response } from '../http/test-app.ts';
import { ISSUED, linkApp, linkBatch, OWN_ORIGIN } from './link-app.ts';

// Issue 17, "done when": 10,000 forged or mutated tokens are all refused, none 5xx, none shows a survey.

const secret = (fill: number) => Buffer.alloc(32, fill).toString('base64url');
// Two keys the collector holds (k1 signs, k2 still verifies) and one it never had.
const LINK_KEYS = JSON.stringify({ k1: secret(1), k2: secret(2) });
const k2Only = parseLinkKeys({ k2: secret(2) });
const stranger = parseLinkKeys({ k1: secret(7) });
const made = linkApp({ LINK_KEYS, RATE_LIMIT_PER_ADDRESS: '1000000' });
const valid = made.token();
const expired = made.token({ expiresAt: new Date('2026-01-15T00:00:00Z') });

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split('');
const b64 = fc.constantFrom(...ALPHABET);
const bytes = (token: string) => Buffer.from(token, 'base64url');

/** The same signed bytes with k1's key id turned into k2's, and k1's MAC: a valid key id, the wrong signature. */
function swappedKeyId(token: string): string {
  const b = bytes(token);
  // Version byte, then the key id's length byte and its bytes ("k1").
  b.write('k2', 2, 'latin1');
  return b.toString('base64url');
}
/** k1's signed bytes with the MAC k2 makes over the same claims. */
function otherKeysSignature(token: string): string {
  const signedByK2 = bytes(signLinkToken(made.claims, k2Only, ISSUED));
  const b = bytes(token);
  return Buffer.concat([b.subarray(0, b.length - MAC_BYTES), signedByK2.subarray(-MAC_BYTES)]).toString('base64url');
}

type Case = { kind: string; token: string; status: 403 | 410 };
const forged =
  (kind: string) =>
  (token: string): Case => ({ kind, token, status: 403 });

const oneChanged = fc
  .tuple(fc.nat({ max: valid.length - 1 }), b64)
  .filter(([i, c]) => valid[i] !== c)
  .map(([i, c]) => forged('one changed character')(`${valid.slice(0, i)}${c}${valid.slice(i + 1)}`));
const truncated = fc.integer({ min: 1, max: valid.length - 1 }).map((n) => forged('truncated')(valid.slice(0, n)));
const appended = fc
  .oneof(
    fc.array(b64, { minLength: 1, maxLength: 40 }).map((a) => a.join('')),
    fc.string({ minLength: 1, maxLength: 40 }),
  )
  .map((tail) => forged('appended')(`${valid}${tail}`));
const randomText = fc
  .oneof(
    fc.string({ minLength: 1, maxLength: 200 }),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }),
    fc.array(b64, { minLength: 1, maxLength: 1100 }).map((a) => a.join('')),
    fc.uint8Array({ minLength: 1, maxLength: 400 }).map((a) => Buffer.from(a).toString('base64url')),
  )
  // "." and ".." are dot segments: a URL resolves them away (GET /s/. is GET /s/, a 404) before any token is read.
  .filter((t) => t !== valid && t.trim() !== '' && t !== '.' && t !== '..')
  .map(forged('random'));
const claimsArb = fc.record({
  wave: fc.constantFrom('m0', 'm6', 'm12'),
  cohortId: fc.constantFrom('c-2026', 'c-2025'),
  language: fc.constantFrom('fr', 'ar', 'ja', undefined),
});
const strangerSigned = claimsArb.map((c) =>
  forged('signed with a key LINK_KEYS lacks')(signLinkToken({ ...made.claims, ...c }, stranger, ISSUED)),
);
const cases: fc.Arbitrary<Case> = fc.oneof(
  oneChanged,
  truncated,
  appended,
  randomText,
  strangerSigned,
  fc.constant(forged('swapped key id')(swappedKeyId(valid))),
  fc.constant(forged("another key's signature")(otherKeysSignature(valid))),
  claimsArb.map((c) => ({
    kind: 'expired',
    token: made.token({ ...c, expiresAt: new Date('2026-01-15T00:00:00Z') }),
    status: 410 as const,
  })),
);

describe('forged and mutated personal links', () => {
  it('holds the valid and expired tokens these mutations start from to what they are', async () => {
    expect((await made.app.request(`/s/${valid}`)).status).toBe(200);
    expect((await made.app.request(`/s/${expired}`)).status).toBe(410);
  });

  it('refuses 10,000 of them on GET /s/:token: 403 or 410, never a 5xx, never a survey', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ token, status }) => {
        const res = await made.app.request(`/s/${encodeURIComponent(token)}`);
        expect(res.status).toBe(status);
        expect(await res.text()).not.toContain('<outcome-survey');
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);

  it('rejects 1,000 responses carrying them on POST /v1/responses, each item alone, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ token }) => {
        const r = response({ link: token });
        const res = await post(made.app, linkBatch([r]), { origin: OWN_ORIGIN });
        expect(res.status).toBe(200);
        const ack = await res.json();
        expect(ack.accepted).toEqual([]);
        expect(ack.rejected).toHaveLength(1);
        expect(ack.rejected[0].errors[0].path).toMatch(/^responses\[0\]\.link/);
      }),
      { numRuns: 1_000 },
    );
    expect(await made.storage.count({})).toBe(0);
  }, 60_000);
});
