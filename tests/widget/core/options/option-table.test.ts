import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINK_TOKEN_PATTERN } from '../../../../protocol/link-token-text.ts';
import { EXPECTED } from '../../../../widget/core/misuse.ts';
import {
  attributeOf,
  OPTION_ATTRIBUTES,
  OPTION_NAMES,
  OPTION_TABLE,
} from '../../../../widget/core/options/option-table.ts';

// The attribute names are a contract (shared/DESIGN.md: data-site-key, data-learner-ref, …), written out
// here so a change to the rule that derives them from the option names cannot rename one unnoticed.
const ATTRIBUTES = {
  endpoint: 'endpoint',
  siteKey: 'site-key',
  survey: 'survey',
  country: 'country',
  locale: 'locale',
  learnerRef: 'learner-ref',
  learnerSig: 'learner-sig',
  sw: 'sw',
  debug: 'debug',
  trigger: 'trigger',
  completedAt: 'completed-at',
  waves: 'waves',
  capDays: 'cap-days',
  courseId: 'course-id',
  pathId: 'path-id',
  link: 'link',
} as const;

describe('the option table', () => {
  it.each(OPTION_NAMES)('reads %s from the kebab-case attribute of its name', (name) => {
    expect(attributeOf(name)).toBe(ATTRIBUTES[name]);
  });

  it('reads every option, and only those, from the attributes of the contract, in order', () => {
    expect(OPTION_ATTRIBUTES).toEqual(Object.values(ATTRIBUTES));
  });

  it.each(OPTION_NAMES)('has words for what %s must look like', (name) => {
    expect(EXPECTED[OPTION_TABLE[name].expects]).toMatch(/\w/);
  });

  it.each(['colour', 'toString', '__proto__'])('gives the unknown key %s back as it is', (key) => {
    expect(attributeOf(key)).toBe(key);
  });

  it('requires the endpoint, the site key and the survey, and nothing else', () => {
    expect(OPTION_NAMES.filter((name) => 'required' in OPTION_TABLE[name])).toEqual(['endpoint', 'siteKey', 'survey']);
  });

  // The widget writes the protocol's rule out (its file carries zod): a token the collector's schema would refuse
  // is refused at init, loudly, and every token it accepts is accepted.
  it('accepts exactly the link tokens the protocol accepts', () => {
    const tokenish = fc.stringMatching(/^[\w\-.~+/= ]{0,1030}$/);
    fc.assert(
      fc.property(fc.oneof(tokenish, fc.string(), fc.constant('x'.repeat(1025))), (token) => {
        expect(OPTION_TABLE.link.check(token)).toBe(LINK_TOKEN_PATTERN.test(token));
      }),
      { numRuns: 2000 },
    );
    expect(OPTION_TABLE.link.check('v1.abc')).toBe(false);
    expect(OPTION_TABLE.link.check('a'.repeat(1024))).toBe(true);
  });
});
