import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { learnerHash } from '../../../collector/ingest/learner-hash.ts';
import { parseLinkKeys } from '../../../collector/links/link-keys.ts';
import {
  type LinkClaims,
  LinkTokenError,
  signLinkToken,
  verifyLinkToken,
} from '../../../collector/links/link-token.ts';

const secret = (fill: number) => Buffer.alloc(32, fill).toString('base64url');
const keys = parseLinkKeys({ k1: secret(1) });
const issuedAt = new Date('2026-07-01T09:00:00Z');
const expiresAt = new Date('2026-09-01T00:00:00Z');
const ref = 'ana@school.example';
const claims: LinkClaims = {
  surveyId: 'career-outcomes',
  learnerHash: learnerHash(ref, 'a-learner-ref-secret-of-at-least-32-chars'),
  cohortId: '2026-01-web',
  wave: 'm6',
  language: 'fr',
  expiresAt,
};
const token = signLinkToken(claims, keys, issuedAt);
const before = new Date('2026-08-01T00:00:00Z');
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const errorOf = (fn: () => unknown): LinkTokenError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof LinkTokenError) return error;
    throw error;
  }
  return expect.fail('expected a LinkTokenError');
};

describe('signLinkToken and verifyLinkToken', () => {
  it('round-trip every claim, with the issue time and the key id', () => {
    expect(verifyLinkToken(token, keys, before)).toEqual({
      ok: true,
      payload: { ...claims, issuedAt, keyId: 'k1' },
    });
  });

  it('round-trip a token naming no language', () => {
    const { language: _, ...rest } = claims;
    const verdict = verifyLinkToken(signLinkToken(rest, keys, issuedAt), keys, before);
    expect(verdict.ok && verdict.payload).toEqual({ ...rest, issuedAt, keyId: 'k1' });
  });

  it('make a URL-safe token well under 200 characters for typical ids', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(token.length).toBeLessThan(140);
  });

  it('put no readable personal data in the token', () => {
    const bytes = Buffer.from(token, 'base64url').toString('latin1');
    expect(bytes).not.toContain(ref);
    expect(token).not.toContain(ref);
    expect(bytes).not.toContain(claims.learnerHash); // the hash travels as 32 raw bytes, not as its stored text
  });

  it('keep whole seconds', () => {
    const at = new Date('2026-07-01T09:00:00.750Z');
    const verdict = verifyLinkToken(
      signLinkToken({ ...claims, expiresAt: new Date('2026-09-01T00:00:00.999Z') }, keys, at),
      keys,
      before,
    );
    expect(verdict.ok && [verdict.payload.issuedAt, verdict.payload.expiresAt]).toEqual([issuedAt, expiresAt]);
  });
});

describe('verifyLinkToken refuses', () => {
  const other = signLinkToken(claims, parseLinkKeys({ k1: secret(2) }), issuedAt);
  const stranger = signLinkToken(claims, parseLinkKeys({ k9: secret(1) }), issuedAt);
  const bytes = Buffer.from(token, 'base64url');
  it.each([
    ['an empty string', '', 'malformed'],
    ['a string that is not base64url', 'not a token!', 'malformed'],
    ['base64 padding', `${token}==`, 'malformed'],
    ['a token cut short', token.slice(0, -4), 'malformed'],
    ['a token with a byte added', Buffer.concat([bytes, Buffer.of(0)]).toString('base64url'), 'malformed'],
    ['a token of the MAC alone', token.slice(-22), 'malformed'],
    ['another version', Buffer.concat([Buffer.of(2), bytes.subarray(1)]).toString('base64url'), 'malformed'],
    ['a token far too long', 'A'.repeat(5000), 'malformed'],
    ['a token signed with another secret under the same id', other, 'bad_signature'],
    ['a token signed with a key it does not list', stranger, 'unknown_key'],
  ])('%s as %s', (_, candidate, code) => {
    expect(verifyLinkToken(candidate, keys, before)).toEqual({ ok: false, code });
  });

  it.each([null, undefined, 42, { token }])('a value that is not a string (%s) as malformed', (candidate) => {
    expect(verifyLinkToken(candidate, keys, before)).toEqual({ ok: false, code: 'malformed' });
  });

  it.each([
    ['at its expiry second', expiresAt],
    ['after it', new Date('2027-01-01T00:00:00Z')],
  ])('an expired token %s as expired, with the payload for the 410 page', (_, now) => {
    expect(verifyLinkToken(token, keys, now)).toEqual({
      ok: false,
      code: 'expired',
      payload: { ...claims, issuedAt, keyId: 'k1' },
    });
  });

  it('accepts a token a second before its expiry', () => {
    expect(verifyLinkToken(token, keys, new Date(expiresAt.getTime() - 1000)).ok).toBe(true);
  });

  it('an expired token whose signature fails as bad_signature, showing nothing of it', () => {
    expect(verifyLinkToken(other, keys, new Date('2027-01-01T00:00:00Z'))).toEqual({
      ok: false,
      code: 'bad_signature',
    });
  });

  it('a token with any one character changed, at every position', () => {
    const accepted: string[] = [];
    for (let i = 0; i < token.length; i++) {
      for (const c of ALPHABET) {
        if (c === token[i]) continue;
        const mutated = token.slice(0, i) + c + token.slice(i + 1);
        const verdict = verifyLinkToken(mutated, keys, before);
        if (verdict.ok || verdict.code === 'expired') accepted.push(mutated);
      }
    }
    expect(accepted).toEqual([]);
  });

  it('10,000 forged or mutated tokens, never throwing', () => {
    const mutation = fc
      .array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 })), {
        minLength: 1,
        maxLength: 4,
      })
      .map((flips) => {
        const out = Buffer.from(bytes);
        for (const [at, xor] of flips) out[at] = (out[at] ?? 0) ^ xor;
        return out.toString('base64url');
      });
    const edit = fc
      .tuple(fc.nat({ max: token.length }), fc.nat({ max: 8 }), fc.stringMatching(/^[A-Za-z0-9_-]{0,8}$/))
      .map(([at, cut, insert]) => token.slice(0, at) + insert + token.slice(at + cut))
      .filter((t) => t !== token);
    // Well-formed claims under a MAC that is not the key's: forging from scratch.
    const forged = fc
      .tuple(fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,20}$/), fc.uint8Array({ minLength: 16, maxLength: 16 }))
      .map(([cohortId, macBytes]) => {
        const real = Buffer.from(signLinkToken({ ...claims, cohortId }, keys, issuedAt), 'base64url');
        const fake = Buffer.concat([real.subarray(0, real.length - 16), macBytes]);
        return fake.equals(real) ? '' : fake.toString('base64url');
      });
    const candidates = fc.oneof(
      mutation,
      edit,
      forged,
      fc.string({ maxLength: 300 }),
      fc.stringMatching(/^[A-Za-z0-9_-]{0,300}$/),
      fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('base64url')),
    );
    fc.assert(
      fc.property(candidates, (candidate) => {
        const verdict = verifyLinkToken(candidate, keys, before);
        return !verdict.ok && verdict.code !== 'expired';
      }),
      { numRuns: 10_000, seed: 17 },
    );
  });
});

describe('verifyLinkToken across a key rotation', () => {
  const rotated = parseLinkKeys({ k2: secret(2), k1: secret(1) });

  it('still accepts a link signed with the older key', () => {
    expect(verifyLinkToken(token, rotated, before).ok).toBe(true);
  });

  it('signs new links with the first key listed', () => {
    const verdict = verifyLinkToken(signLinkToken(claims, rotated, issuedAt), rotated, before);
    expect(verdict.ok && verdict.payload.keyId).toBe('k2');
  });

  it('refuses the older key’s links once it is removed', () => {
    expect(verifyLinkToken(token, parseLinkKeys({ k2: secret(2) }), before)).toEqual({
      ok: false,
      code: 'unknown_key',
    });
  });
});

describe('signLinkToken refuses', () => {
  it.each([
    ['an empty survey id', { surveyId: '' }, 'surveyId'],
    ['a survey id with a line break', { surveyId: 'a\nb' }, 'surveyId'],
    ['a raw learner ref instead of its hash', { learnerHash: ref }, 'learnerHash'],
    ['an uppercase hash', { learnerHash: claims.learnerHash.toUpperCase() }, 'learnerHash'],
    ['a cohort id with a slash', { cohortId: 'a/b' }, 'cohortId'],
    ['an empty wave', { wave: '' }, 'wave'],
    ['a language that is not a tag', { language: 'French' }, 'language'],
    ['an expiry before the issue time', { expiresAt: new Date('2026-06-30T00:00:00Z') }, 'expiresAt'],
    ['an expiry past 2106', { expiresAt: new Date('2107-01-01T00:00:00Z') }, 'expiresAt'],
    ['an invalid date', { expiresAt: new Date(Number.NaN) }, 'expiresAt'],
  ])('%s, naming the claim', (_, change, field) => {
    const error = errorOf(() => signLinkToken({ ...claims, ...change }, keys, issuedAt));
    expect(error.code).toBe('invalid_claims');
    expect(error.message).toContain(`${field}:`);
  });
});
