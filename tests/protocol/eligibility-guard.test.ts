import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EligibilityAnswer } from '../../protocol/eligibility.ts';
import { isEligibilityAnswer } from '../../protocol/eligibility-guard.ts';

// The widget's hand-written check and the protocol's schema decide alike on generated input: a
// difference in either direction fails with the body that shows it.

const nearly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 8, arbitrary: good }, { weight: 1, arbitrary: fc.anything() });
const body = fc.record(
  {
    eligible: nearly(fc.boolean()),
    reason: nearly(fc.constantFrom('opted_out', 'unverified', '')),
    answeredWaves: nearly(
      fc.oneof(fc.array(fc.constantFrom('m0', 'm6', 'm12', 'once')), fc.array(fc.oneof(fc.string(), fc.integer()))),
    ),
    optedOut: fc.boolean(),
  },
  { requiredKeys: [] },
);
const inputs = fc.oneof({ weight: 6, arbitrary: body }, { weight: 1, arbitrary: fc.anything() });

describe('the eligibility answer guard against its schema', () => {
  it('accepts exactly what EligibilityAnswer accepts', () => {
    let accepted = 0;
    fc.assert(
      fc.property(inputs, (input) => {
        const ours = isEligibilityAnswer(input);
        if (ours) accepted++;
        expect({ input, accepted: ours }).toEqual({ input, accepted: EligibilityAnswer.safeParse(input).success });
      }),
      { numRuns: 3000 },
    );
    // The comparison means nothing unless both sides accept a good share of the input.
    expect(accepted).toBeGreaterThan(300);
  });

  it.each([
    ['an answer with its waves', { eligible: true, answeredWaves: ['m6'] }, true],
    ['an answer from a collector before waves', { eligible: false, reason: 'opted_out' }, true],
    ['a body without eligible', { answeredWaves: [] }, false],
    ['eligible as a string', { eligible: 'yes', answeredWaves: [] }, false],
    ['waves that are not strings', { eligible: true, answeredWaves: [6] }, false],
    ['an array', [true], false],
    ['null', null, false],
  ])('decides %s like the schema', (_case, input, expected) => {
    expect([isEligibilityAnswer(input), EligibilityAnswer.safeParse(input).success]).toEqual([expected, expected]);
  });
});
