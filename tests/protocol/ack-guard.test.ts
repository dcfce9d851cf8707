import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { Ack, readAck } from '../../protocol/index.ts';

// The service worker reads the collector's acknowledgement by hand (protocol/ack-guard.ts) so it does
// not ship zod; these properties hold that reading equal to the Ack schema: a difference in either
// direction fails with the input that shows it. The one difference on purpose: keys the contract does
// not name are dropped by the guard, refused by the (strict) schema, so the schema is asked about the
// input without them.

const id = fc.oneof(fc.uuid(), fc.constantFrom('', 'a', 'b'));
const fieldError = fc.record({ path: fc.string(), message: fc.string() });
const rejection = fc.record({ id: fc.option(id, { nil: null }), errors: fc.array(fieldError, { maxLength: 3 }) });
const wellFormed = fc.record({
  accepted: fc.array(id, { maxLength: 4 }),
  duplicate: fc.array(id, { maxLength: 4 }),
  rejected: fc.array(rejection, { maxLength: 3 }),
});

// A well-formed ack with one thing wrong somewhere in it: a value replaced, a key added or removed.
const damaged = fc
  .tuple(wellFormed, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.anything(), fc.nat(2))
  .map(([ack, route, value, how]) => damage(structuredClone(ack) as unknown, route, value, how));

function damage(node: unknown, route: number[], value: unknown, how: number): unknown {
  if (typeof node !== 'object' || node === null) return value;
  const keys = Object.keys(node);
  if (!keys.length || route.length === 1) {
    const record = node as Record<string, unknown>;
    if (how === 0) record[keys.length ? keys[route[0] % keys.length] : 'extra'] = value;
    else if (how === 1) record[Array.isArray(node) ? String(keys.length) : 'extra'] = value;
    else if (keys.length) delete record[keys[route[0] % keys.length]];
    return node;
  }
  const key = keys[route[0] % keys.length];
  (node as Record<string, unknown>)[key] = damage((node as Record<string, unknown>)[key], route.slice(1), value, how);
  return node;
}

const parsed = (input: unknown) => {
  const result = z.safeParse(Ack, input);
  return result.success ? result.data : undefined;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const only = (v: unknown, keys: string[]) =>
  isObject(v) ? Object.fromEntries(keys.filter((k) => Object.hasOwn(v, k)).map((k) => [k, v[k]])) : v;
const each = (v: unknown, f: (x: unknown) => unknown) => (Array.isArray(v) ? Array.from(v, f) : v);
/** The input with every key the contract does not name taken out, at each of its three levels. */
const known = (input: unknown) => {
  const ack = only(input, ['accepted', 'duplicate', 'rejected']);
  if (!isObject(ack)) return ack;
  const rejected = each(ack.rejected, (r) => {
    const rejection = only(r, ['id', 'errors']);
    return isObject(rejection)
      ? { ...rejection, errors: each(rejection.errors, (e) => only(e, ['path', 'message'])) }
      : rejection;
  });
  return Object.hasOwn(ack, 'rejected') ? { ...ack, rejected } : ack;
};

describe('readAck', () => {
  it('accepts every acknowledgement the Ack schema accepts, as the schema reads it', () => {
    fc.assert(
      fc.property(wellFormed, (ack) => {
        expect(parsed(ack)).toEqual(ack);
        expect(readAck(ack)).toEqual(ack);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses exactly what the Ack schema refuses', () => {
    fc.assert(
      fc.property(fc.oneof(damaged, fc.anything()), (input) => {
        expect(readAck(input)).toEqual(parsed(known(input)));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['a captive portal page', '<html>Sign in to the Wi-Fi</html>'],
    ['an array', []],
    [
      'a rejection whose errors are not field errors',
      { accepted: [], duplicate: [], rejected: [{ id: 'a', errors: [null] }] },
    ],
  ])('acknowledges nothing for %s', (_, input) => {
    expect(readAck(input)).toBeUndefined();
    expect(parsed(input)).toBeUndefined();
  });

  it('drops the keys the contract does not name, at every level', () => {
    const said = {
      accepted: ['a'],
      duplicate: [],
      rejected: [{ id: 'b', errors: [{ path: 'p', message: 'm', hint: 1 }], at: 2 }],
      v: 3,
    };
    expect(readAck(said)).toEqual({
      accepted: ['a'],
      duplicate: [],
      rejected: [{ id: 'b', errors: [{ path: 'p', message: 'm' }] }],
    });
  });
});
