import { describe, expect, it } from 'vitest';
import { DISABILITY_GSS_RULE, DISABILITY_WG_RULE, disability } from '../../../collector/flags/disability.ts';

const P = 'prefer_not_to_say';
const ROWS = ['wg_seeing', 'wg_hearing', 'wg_walking', 'wg_cognition', 'wg_selfcare', 'wg_communication'];
const all = (level: string) => Object.fromEntries(ROWS.map((r) => [r, level]));

describe('disability (Washington Group Short Set)', () => {
  it.each([
    ['all six "no difficulty"', all('no_difficulty'), false],
    ['all six "some difficulty"', all('some_difficulty'), false],
    ['one domain "a lot of difficulty"', { ...all('no_difficulty'), wg_walking: 'a_lot_of_difficulty' }, true],
    ['one domain "cannot do at all"', { ...all('some_difficulty'), wg_communication: 'cannot_do' }, true],
    ['"a lot" in one domain, the rest refused', { ...all(P), wg_seeing: 'a_lot_of_difficulty' }, true],
    ['"a lot" in the only domain answered', { wg_hearing: 'a_lot_of_difficulty' }, true],
    ['five "no difficulty", one refused', { ...all('no_difficulty'), wg_selfcare: P }, null],
    ['five "no difficulty", one unanswered', { ...all('no_difficulty'), wg_cognition: undefined }, null],
    ['all refused', all(P), null],
    ['nothing answered', {}, null],
  ])('gives %s → %s', (_name, answers, value) => {
    const clean = Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >;
    expect(disability(clean, 'wg-ss')).toEqual({ value, rule: DISABILITY_WG_RULE });
  });
});

describe('disability (GSS, GB)', () => {
  it.each([
    ['condition, reduces a lot', { gss_condition: 'yes', gss_reduces: 'yes_a_lot' }, true],
    ['condition, reduces a little', { gss_condition: 'yes', gss_reduces: 'yes_a_little' }, true],
    ['condition, not at all', { gss_condition: 'yes', gss_reduces: 'not_at_all' }, false],
    ['no condition', { gss_condition: 'no' }, false],
    ['condition, impact refused', { gss_condition: 'yes', gss_reduces: P }, null],
    ['condition, impact unanswered', { gss_condition: 'yes' }, null],
    ['condition refused', { gss_condition: P }, null],
    ['nothing answered', {}, null],
  ])('gives %s → %s', (_name, answers, value) => {
    expect(disability(answers, 'gss')).toEqual({ value, rule: DISABILITY_GSS_RULE });
  });
});
