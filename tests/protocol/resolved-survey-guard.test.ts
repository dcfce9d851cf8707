import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ResolvedSurvey } from '../../protocol/resolved-survey.ts';
import { GUARDED_SURVEY_FIELDS, wrongSurveyField } from '../../protocol/resolved-survey-guard.ts';

// The widget's hand check of a fetched survey against the protocol's schema, on generated input:
// it decides exactly as the schema's own rules for the fields it checks, and it never refuses a
// survey the whole schema accepts.

const shape = ResolvedSurvey.def.shape;
const guarded = z.object({
  id: shape.id,
  version: shape.version,
  consentVersion: shape.consentVersion,
  // The questions are rendered one by one; the widget checks only that there is a list of them.
  questions: z.array(z.unknown()),
});

const valid = {
  id: 'career-outcomes',
  version: 3,
  title: 'Your career',
  consentVersion: '2026-01',
  locale: 'en',
  questions: [{ id: 'situation', kind: 'single_choice', text: 'Now?', options: [{ id: 'a', label: 'A' }] }],
};
const nearly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: fc.anything() });
const survey = fc
  .record(
    {
      id: nearly(fc.string()),
      version: nearly(fc.oneof(fc.integer(), fc.double())),
      consentVersion: nearly(fc.string()),
      questions: nearly(fc.constantFrom(valid.questions, [], [{}])),
    },
    { requiredKeys: [] },
  )
  .map((fields) => ({ ...valid, ...fields }));
const inputs = fc.oneof(
  { weight: 3, arbitrary: survey },
  { weight: 1, arbitrary: fc.record({ id: fc.string() }) },
  { weight: 1, arbitrary: fc.anything() },
);

describe('the resolved survey guard against its schema', () => {
  it('names the same fields the schema checks, in order', () => {
    expect(GUARDED_SURVEY_FIELDS.every((field) => field in shape)).toBe(true);
  });

  it('accepts exactly what the schema accepts for the fields it checks', () => {
    let accepted = 0;
    fc.assert(
      fc.property(inputs, (input) => {
        const ours = wrongSurveyField(input) === null;
        if (ours) accepted++;
        expect({ input, accepted: ours }).toEqual({ input, accepted: guarded.safeParse(input).success });
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(300);
  });

  it('never refuses a survey the whole schema accepts', () => {
    let whole = 0;
    fc.assert(
      fc.property(inputs, (input) => {
        if (!ResolvedSurvey.safeParse(input).success) return;
        whole++;
        expect(wrongSurveyField(input)).toBeNull();
      }),
      { numRuns: 3000 },
    );
    expect(whole).toBeGreaterThan(300);
  });

  it.each([
    ['a number', 42, '(root)'],
    ['a list', [valid], '(root)'],
    ['a survey without an id', { ...valid, id: undefined }, 'id'],
    ['a version that is text', { ...valid, version: '3' }, 'version'],
    ['a version that is not finite', { ...valid, version: Number.POSITIVE_INFINITY }, 'version'],
    ['a survey without a consent version', { ...valid, consentVersion: 1 }, 'consentVersion'],
    ['questions that are not a list', { ...valid, questions: {} }, 'questions'],
    ['a good survey', valid, null],
  ])('names the wrong field of %s', (_case, input, field) => {
    expect(wrongSurveyField(input)).toBe(field);
  });
});
