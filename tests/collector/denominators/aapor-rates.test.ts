import { describe, expect, it } from 'vitest';
import {
  AAPOR_RATE_NAMES,
  AaporRatesError,
  aaporGroupOf,
  aaporRates,
  ROSTER_ELIGIBILITY,
} from '../../../collector/denominators/aapor-rates.ts';

// Published worked example: rOpenSci's R package outcomerate, tests/testthat/test-rate.R
// (github.com/ropensci/outcomerate, commit 98c74a81656c8ce746d76c54d5f914803e8f0974), vector x1 with e = 0.5:
// I = 5, P = 3, R = 2, NC = 1, O = 2, UH = 1, UO = 1, NE = 1, and its expected rates `res1`, as exact fractions.
const outcomerateX1 = {
  '1.1': 5,
  '1.2': 3,
  '2.11': 1,
  '2.12': 1,
  '2.20': 1,
  '2.30': 1,
  '2.90': 1,
  '3.10': 1,
  '3.90': 1,
  '4.10': 1,
};
const outcomerateRes1 = {
  RR1: 1 / 3, RR2: 8 / 15, RR3: 5 / 14, RR4: 4 / 7, RR5: 5 / 13, RR6: 8 / 13,
  COOP1: 5 / 12, COOP2: 2 / 3, COOP3: 1 / 2, COOP4: 4 / 5,
  REF1: 2 / 15, REF2: 1 / 7, REF3: 2 / 13,
  CON1: 4 / 5, CON2: 6 / 7, CON3: 12 / 13,
}; // biome-ignore format: laid out as in test-rate.R

// The same package's README.md "Example": 12 cases, e = eligibility_rate(freq) = 9/10, printed to three decimals.
const outcomerateReadme = { '1.1': 4, '1.2': 2, '2.11': 1, '2.20': 1, '2.90': 1, '3.10': 1, '3.90': 1, '4.10': 1 };
const outcomerateReadmeRates = {
  RR1: 0.364, RR2: 0.545, RR3: 0.37, RR4: 0.556, RR5: 0.444, RR6: 0.667,
  COOP1: 0.5, COOP2: 0.75, COOP3: 0.571, COOP4: 0.857,
  REF1: 0.091, REF2: 0.093, REF3: 0.111,
  CON1: 0.727, CON2: 0.741, CON3: 0.889,
}; // biome-ignore format: laid out as in the README

// Issue 17, worked by hand: a cohort of 20 with 2 invitations returned undelivered (3.30, unknown eligibility, UO).
// I = 6, P = 2, R = 3 + 1 = 4, NC = 4, UO = 2 + 1 = 3, NE = 1 (left out); all = 19, known = 16, contacted = 12.
const withUndelivered = { '1.1': 6, '1.2': 2, '2.11': 3, '2.12': 1, '2.20': 4, '3.30': 2, '3.90': 1, '4.10': 1 };
const withUndeliveredRates = {
  RR1: 6 / 19, RR2: 8 / 19, RR3: 6 / 19, RR4: 8 / 19, RR5: 6 / 16, RR6: 8 / 16,
  COOP1: 6 / 12, COOP2: 8 / 12, COOP3: 6 / 12, COOP4: 8 / 12,
  REF1: 4 / 19, REF2: 4 / 19, REF3: 4 / 16,
  CON1: 12 / 19, CON2: 12 / 19, CON3: 12 / 16,
}; // biome-ignore format: one row per family

describe('aaporRates with undelivered invitations (3.30)', () => {
  it('puts 3.30 among the unknown-eligibility cases (UO)', () => {
    expect(aaporGroupOf('3.30')).toBe('UO');
  });

  it.each(AAPOR_RATE_NAMES)('gives %s as computed by hand, e = 1', (name) => {
    expect(aaporRates(withUndelivered)[name]).toBeCloseTo(withUndeliveredRates[name], 12);
  });

  it('leaves 3.30 out of RR5 with e = 0 as with RR3', () => {
    expect(aaporRates(withUndelivered, 0).RR3).toBeCloseTo(6 / 16, 12);
  });
});

describe('aaporRates against outcomerate', () => {
  it.each(AAPOR_RATE_NAMES)('gives test-rate.R’s %s to four decimals', (name) => {
    expect(aaporRates(outcomerateX1, 0.5)[name]).toBeCloseTo(outcomerateRes1[name], 4);
  });

  it.each(AAPOR_RATE_NAMES)('gives the README’s %s to its three printed decimals', (name) => {
    expect(aaporRates(outcomerateReadme, 0.9)[name]).toBeCloseTo(outcomerateReadmeRates[name], 3);
  });

  it('answers null where outcomerate’s low-count case answers NaN, and 0 where it answers 0', () => {
    const rates = aaporRates({ '3.90': 1 }, 0.3);
    expect(rates).toEqual({
      RR1: 0, RR2: 0, RR3: 0, RR4: 0, RR5: null, RR6: null,
      COOP1: null, COOP2: null, COOP3: null, COOP4: null,
      REF1: 0, REF2: 0, REF3: null,
      CON1: 0, CON2: 0, CON3: null,
    }); // biome-ignore format: laid out as in test-rate.R
  });
});

describe('aaporRates, one formula at a time', () => {
  // Powers of two, so each sum of groups is a distinct number: I=1 P=2 R=4 NC=8 O=16 UH=32 UO=64 NE=128, e=0.5.
  // known = I+P+R+NC+O = 31; all = known+UH+UO = 127; estimated = known + e(UH+UO) = 79; contacted = I+P+R+O = 23.
  const counts = {
    '1.1': 1,
    '1.2': 2,
    '2.11': 3,
    '2.12': 1,
    '2.20': 8,
    '2.90': 16,
    '3.10': 32,
    '3.90': 64,
    '4.10': 128,
  };
  it.each([
    ['RR1', 'I / all', 1 / 127],
    ['RR2', '(I+P) / all', 3 / 127],
    ['RR3', 'I / estimated', 1 / 79],
    ['RR4', '(I+P) / estimated', 3 / 79],
    ['RR5', 'I / known', 1 / 31],
    ['RR6', '(I+P) / known', 3 / 31],
    ['COOP1', 'I / (I+P+R+O)', 1 / 23],
    ['COOP2', '(I+P) / (I+P+R+O)', 3 / 23],
    ['COOP3', 'I / (I+P+R)', 1 / 7],
    ['COOP4', '(I+P) / (I+P+R)', 3 / 7],
    ['REF1', 'R / all', 4 / 127],
    ['REF2', 'R / estimated', 4 / 79],
    ['REF3', 'R / known', 4 / 31],
    ['CON1', '(I+P+R+O) / all', 23 / 127],
    ['CON2', '(I+P+R+O) / estimated', 23 / 79],
    ['CON3', '(I+P+R+O) / known', 23 / 31],
  ] as const)('%s is %s', (name, _formula, expected) => {
    expect(aaporRates(counts, 0.5)[name]).toBeCloseTo(expected, 10);
  });

  it('uses e = 1 by default, the roster’s known eligibility, so RR3 and RR4 equal RR1 and RR2', () => {
    const rates = aaporRates(counts);
    expect(ROSTER_ELIGIBILITY).toBe(1);
    expect(rates.RR3).toBe(rates.RR1);
    expect(rates.RR4).toBe(rates.RR2);
    expect(rates.REF2).toBe(rates.REF1);
    expect(rates.CON2).toBe(rates.CON1);
  });

  it('leaves out-of-roster responses and not-yet-eligible members out of every rate', () => {
    const base = { '1.1': 3, '2.20': 1 };
    expect(aaporRates({ ...base, outside_roster: 50, '4.10': 9 })).toEqual(aaporRates(base));
  });

  it('answers null, never NaN, for a cohort with no eligible member', () => {
    const rates = aaporRates({ '4.10': 5 });
    expect(Object.values(rates).every((r) => r === null)).toBe(true);
  });
});

describe('aaporGroupOf', () => {
  it.each([
    ['1.1', 'I'],
    ['1.2', 'P'],
    ['2.11', 'R'],
    ['2.12', 'R'],
    ['2.10', 'R'],
    ['2.20', 'NC'],
    ['2.30', 'O'],
    ['2.90', 'O'],
    ['3.10', 'UH'],
    ['3.90', 'UO'],
    ['4.10', 'NE'],
  ])('puts %s in %s', (code, group) => {
    expect(aaporGroupOf(code)).toBe(group);
  });
});

describe('refusals', () => {
  it.each([
    ['an unknown code', { '5.1': 1 }, 'unknown_disposition', 'unknown disposition code "5.1"'],
    ['a code without its group', { '1.3': 1 }, 'unknown_disposition', '"1.3"'],
    ['a negative count', { '1.1': -1 }, 'invalid_count', 'disposition "1.1" has count -1'],
    ['a NaN count', { '2.20': Number.NaN }, 'invalid_count', 'disposition "2.20" has count NaN'],
  ])('refuses %s with a code', (_name, counts, code, message) => {
    const run = () => aaporRates(counts);
    expect(run).toThrow(AaporRatesError);
    expect(run).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });

  it.each([-0.1, 1.5, Number.NaN])('refuses e = %s with a code', (e) => {
    expect(() => aaporRates({ '1.1': 1 }, e)).toThrow(expect.objectContaining({ code: 'invalid_eligibility' }));
  });
});
