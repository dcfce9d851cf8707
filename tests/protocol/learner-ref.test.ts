import { describe, expect, it } from 'vitest';
import { LEARNER_REF_RULE, LearnerRef } from '../../protocol/index.ts';

describe('LearnerRef', () => {
  it.each([
    'learner-7',
    'ana@school.example',
    'a+b@x.example',
    '0190a0b0-0000-7000-8000-000000000001',
    'dGVzdA_-',
    '...',
    '.hidden',
    "o'brien(1);x=y,z!$&*~:",
    'x'.repeat(256),
  ])('accepts %j', (ref) => {
    expect(LearnerRef.safeParse(ref).success).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['"."', '.'],
    ['".."', '..'],
    ['longer than 256 characters', 'x'.repeat(257)],
    ['with a space', 'ana maria'],
    ['with a slash', 'a/b'],
    ['with a percent sign', '%2E%2E'],
    ['with a question mark', 'a?b'],
    ['with a hash', 'a#b'],
    ['with a NUL', 'a\u0000'],
    ['with a line feed', 'a\nb'],
    ['with a letter outside ASCII', 'zoë'],
  ])('refuses a ref %s, saying what is allowed', (_name, ref) => {
    const parsed = LearnerRef.safeParse(ref);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe(LEARNER_REF_RULE);
  });
});
