import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { surveyJsonSchema } from '../../protocol/survey-json-schema.ts';

describe('protocol/survey-definition.schema.json', () => {
  it('matches the zod schema (run `npm run schema` after changing protocol/survey-definition.ts)', () => {
    const checkedIn = JSON.parse(readFileSync('protocol/survey-definition.schema.json', 'utf8'));
    expect(checkedIn).toEqual(JSON.parse(JSON.stringify(surveyJsonSchema())));
  });

  it('offers survey authors the question kinds, topics and consent groups', () => {
    const text = JSON.stringify(surveyJsonSchema());
    for (const word of ['month_year', 'grid', 'ethnicity', 'consentGroup', 'overrideEthnicityLegalRestriction'])
      expect(text).toContain(word);
  });
});
