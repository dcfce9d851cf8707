import { describe, expect, it } from 'vitest';
import { formatIssues, freeText, plainText } from '../../protocol/index.ts';

const plain = plainText(0, 64);
const free = freeText(2000);
const complaint = (schema: typeof plain | typeof free, value: string) => {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : formatIssues(parsed.error.issues)[0].message;
};

describe('plainText', () => {
  it.each([
    ['NUL', '1\u0000', 'U+0000 at character 2'],
    ['a tab', 'a\tb', 'U+0009 at character 2'],
    ['a line feed', '\nx', 'U+000A at character 1'],
    ['DEL', 'x\u007f', 'U+007F at character 2'],
    ['a C1 control', 'x\u0085', 'U+0085 at character 2'],
    ['a lone high surrogate', 'x\ud800', 'U+D800 at character 2'],
    ['a lone low surrogate', '\udfffx', 'U+DFFF at character 1'],
  ])('refuses %s, naming the character and where it is', (_name, value, where) => {
    expect(complaint(plain, value)).toBe(
      `expected text without control characters (U+0000–U+001F, U+007F–U+009F) or lone surrogates; found ${where}: remove it`,
    );
  });

  it.each(['2026-01', 'course_end', 'çà « »', '💼', 'a b'])('accepts %j', (value) => {
    expect(complaint(plain, value)).toBeUndefined();
  });
});

describe('freeText', () => {
  it.each([
    ['NUL', 'a\u0000', 'U+0000 at character 2'],
    ['a lone surrogate', '\ud83d!', 'U+D83D at character 1'],
  ])('refuses %s', (_name, value, where) => {
    expect(complaint(free, value)).toBe(
      `expected text without NUL (U+0000) or lone surrogates; found ${where}: remove it`,
    );
  });

  it.each([
    ['tabs and line breaks', 'one\ttwo\r\nthree\n'],
    ['a pasted vertical tab or form feed', 'a\u000bb\u000c'],
    ['DEL and C1 controls', 'x\u007f\u0085'],
    ['a surrogate pair', '💼'],
  ])('keeps %s', (_name, value) => {
    expect(complaint(free, value)).toBeUndefined();
  });
});
