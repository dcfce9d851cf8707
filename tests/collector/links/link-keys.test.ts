import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { LinkKeysError, LinkKeysSchema, parseLinkKeys } from '../../../collector/links/link-keys.ts';

const secret = (fill: number) => Buffer.alloc(32, fill).toString('base64url');
const errorOf = (raw: unknown): LinkKeysError => {
  try {
    parseLinkKeys(raw);
  } catch (error) {
    if (error instanceof LinkKeysError) return error;
    throw error;
  }
  return expect.fail('expected a LinkKeysError');
};

describe('parseLinkKeys', () => {
  it('reads every key, the first one listed signing', () => {
    const keys = parseLinkKeys(JSON.stringify({ k2: secret(2), k1: secret(1) }));
    expect(keys.signingKeyId).toBe('k2');
    expect([...keys.secrets.keys()]).toEqual(['k2', 'k1']);
    expect(keys.secrets.get('k1')).toEqual(Buffer.alloc(32, 1));
  });

  it('reads a value already parsed from the configuration file', () => {
    expect(parseLinkKeys({ current: secret(3) }).signingKeyId).toBe('current');
  });

  it.each([
    ['text that is not JSON', '{k1:', 'LINK_KEYS: not valid JSON'],
    ['a list', '[]', 'expected an object'],
    ['no key', '{}', 'expected at least one key'],
    ['an id that JSON would reorder', JSON.stringify({ '2': secret(1) }), 'key "2": expected a key id'],
    ['an id too long', JSON.stringify({ 'key-id-of-17-char': secret(1) }), 'key "key-id-of-17-char"'],
    [
      'a short secret',
      JSON.stringify({ k1: Buffer.alloc(16).toString('base64url') }),
      'key "k1": expected at least 32',
    ],
    ['a padded secret', JSON.stringify({ k1: `${secret(1)}=` }), 'key "k1": expected a base64url secret'],
    [
      'a base64 (not url) secret',
      JSON.stringify({ k1: `${secret(1).slice(0, -1)}+` }),
      'key "k1": expected a base64url',
    ],
    ['a secret that is not a string', JSON.stringify({ k1: 32 }), 'key "k1": expected its secret as a string'],
    [
      'two ids with one secret',
      JSON.stringify({ k1: secret(1), k2: secret(1) }),
      'key "k2" has the same secret as key "k1"',
    ],
  ])('refuses %s, naming the key and the fix', (_, raw, expected) => {
    const error = errorOf(raw);
    expect(error.code).toBe('invalid_link_keys');
    expect(error.message).toContain(expected);
  });

  it.each([
    ['a short secret', { k1: 'c2hvcnQtc2VjcmV0' }],
    ['a secret with padding', { k1: `${secret(9)}=` }],
  ])('says how to generate a secret and never repeats one, for %s', (_, raw) => {
    const error = errorOf(raw);
    expect(error.message).toContain("randomBytes(32).toString('base64url')");
    expect(error.message).not.toContain(raw.k1);
  });

  it('fits a configuration schema, its issues naming the setting and the key', () => {
    const result = z.object({ LINK_KEYS: LinkKeysSchema }).safeParse({ LINK_KEYS: { k1: 'short' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toEqual([['LINK_KEYS', 'k1']]);
  });
});
