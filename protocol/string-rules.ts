import * as z from 'zod/mini';

// What a string crossing the wire may hold, decided here so SQLite and PostgreSQL store the same items: PostgreSQL
// refuses NUL in text ("invalid byte sequence for encoding UTF8: 0x00"), and a lone surrogate becomes U+FFFD on the
// way to either database, so neither may reach storage (issue 14, item 2).

/** Unicode's Cc, i.e. C0 controls, DEL and C1 controls (U+0000–U+001F, U+007F–U+009F): no id, tag, version or option id has a use for them. */
const CONTROL = /\p{Cc}/u;
/**
 * Free text refuses only what no database stores: a learner's paste may carry tabs, line breaks or a stray vertical
 * tab, and refusing those would lose the whole response to a dead letter for a character no one reads.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is this pattern's whole job.
const TEXT_CONTROL = /\u0000/;
/** In a `u` regex a surrogate matches only when unpaired, which UTF-8 cannot encode. */
const LONE_SURROGATE = /\p{Surrogate}/u;

const codePoint = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

function refuse(pattern: RegExp, what: string) {
  return z.superRefine<string>((value, ctx) => {
    const bad = pattern.exec(value)?.[0] ?? LONE_SURROGATE.exec(value)?.[0];
    if (bad === undefined) return;
    const at = value.indexOf(bad);
    ctx.issues.push({
      code: 'custom',
      input: value,
      message: `${what}; found ${codePoint(bad)} at character ${at + 1}: remove it`,
    });
  });
}

export const PLAIN_TEXT_RULE =
  'expected text without control characters (U+0000–U+001F, U+007F–U+009F) or lone surrogates';
export const FREE_TEXT_RULE = 'expected text without NUL (U+0000) or lone surrogates';

/** One-line values: ids, tags, versions, context fields, option ids. */
export const plainText = (min: number, max: number) =>
  z.string().check(z.minLength(min), z.maxLength(max), refuse(CONTROL, PLAIN_TEXT_RULE));

/** What a learner typed: may span lines. */
export const freeText = (max: number) => z.string().check(z.maxLength(max), refuse(TEXT_CONTROL, FREE_TEXT_RULE));
