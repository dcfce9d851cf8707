import * as z from 'zod';

// LINK_KEYS: the keys personal-link tokens are signed with (collector/links/link-token.ts, docs/follow-up.md).
// Several keys let a deployment rotate: the first signs new links, every key listed still verifies old ones.

/** A key id travels in every token, so it is short; it starts with a letter so JSON keeps the order it was written
 * in (an object's integer-like keys, such as "2", are iterated first whatever their place). */
export const KEY_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,15}$/;
export const MIN_SECRET_BYTES = 32;
export const GENERATE_SECRET_HINT =
  "generate one with: node -e \"console.log(require('node:crypto').randomBytes(32).toString('base64url'))\"";

export type LinkKeys = {
  /** The first key listed: it signs every new token. */
  signingKeyId: string;
  /** Every key listed, by id: any of them verifies. */
  secrets: ReadonlyMap<string, Buffer>;
};

export class LinkKeysError extends Error {
  override name = 'LinkKeysError';
  readonly code = 'invalid_link_keys';
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Why a secret cannot be used, or undefined when it can. */
function secretProblem(secret: string): string | undefined {
  if (!BASE64URL.test(secret) || Buffer.from(secret, 'base64url').toString('base64url') !== secret)
    return `expected a base64url secret (A–Z a–z 0–9 "-" "_", no "=" padding): ${GENERATE_SECRET_HINT}`;
  const bytes = Buffer.from(secret, 'base64url').length;
  if (bytes < MIN_SECRET_BYTES)
    return `expected at least ${MIN_SECRET_BYTES} random bytes, got ${bytes}: ${GENERATE_SECRET_HINT}`;
  return undefined;
}

const KeyId = z
  .string()
  .regex(
    KEY_ID_PATTERN,
    'expected a key id of 1 to 16 characters from A–Z a–z 0–9 "_" "-", starting with a letter, such as "k1"',
  );

/**
 * LINK_KEYS as JSON `{ "k2": "<base64url secret>", "k1": "<older secret>" }`, for the configuration schema. Issues
 * carry the key id as their path, and a secret is never repeated in a message.
 */
export const LinkKeysSchema = z
  .record(KeyId, z.string())
  .superRefine((record, ctx) => {
    const ids = Object.keys(record);
    if (ids.length === 0)
      ctx.addIssue({
        code: 'custom',
        message: `expected at least one key, such as {"k1":"<secret>"}: ${GENERATE_SECRET_HINT}`,
      });
    const seen = new Map<string, string>();
    for (const id of ids) {
      const secret = record[id] ?? '';
      const problem = secretProblem(secret);
      if (problem) ctx.addIssue({ code: 'custom', path: [id], message: `key "${id}": ${problem}` });
      const twin = seen.get(secret);
      if (!problem && twin !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [id],
          message: `key "${id}" has the same secret as key "${twin}": give each key its own secret, or list it once`,
        });
      seen.set(secret, id);
    }
  })
  .transform((record): LinkKeys => {
    const entries = Object.entries(record).map(([id, secret]) => [id, Buffer.from(secret, 'base64url')] as const);
    return { signingKeyId: entries[0]?.[0] ?? '', secrets: new Map(entries) };
  });

/**
 * Reads LINK_KEYS from its JSON text (as in the environment) or an already parsed value (as in the COLLECTOR_CONFIG
 * file). Throws a LinkKeysError listing every problem, each naming the key and how to fix it.
 */
export function parseLinkKeys(raw: unknown, where = 'LINK_KEYS'): LinkKeys {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      throw new LinkKeysError(
        `${where}: not valid JSON: expected an object such as {"k1":"<secret>"}; ${GENERATE_SECRET_HINT}`,
      );
    }
  }
  const parsed = LinkKeysSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const id = issue.path[0];
    if (issue.code === 'invalid_key') return `${where}: key ${JSON.stringify(id)}: ${issue.issues[0]?.message}`;
    if (issue.code === 'invalid_type' && id === undefined)
      return `${where}: expected an object such as {"k1":"<secret>"}`;
    if (issue.code === 'invalid_type')
      return `${where}: key ${JSON.stringify(id)}: expected its secret as a string: ${GENERATE_SECRET_HINT}`;
    return `${where}: ${issue.message}`;
  });
  throw new LinkKeysError(lines.join('\n'));
}
