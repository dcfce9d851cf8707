import { describe, expect, it } from 'vitest';
import { EXPECTED } from '../../../../widget/core/misuse.ts';
import { attributeOf, OPTION_NAMES, OPTION_TABLE } from '../../../../widget/core/options/option-table.ts';

// The attribute names are a contract (shared/DESIGN.md: data-site-key, data-learner-ref, …): each is
// the option's JavaScript name in kebab case, so a typo in the table cannot rename one.
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

describe('the option table', () => {
  it.each(OPTION_NAMES)('reads %s from the kebab-case attribute of its name', (name) => {
    expect(OPTION_TABLE[name].attribute).toBe(kebab(name));
    expect(attributeOf(name)).toBe(kebab(name));
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
});
