import { describe, expect, it } from 'vitest';
import { bandMidpoint, PAY_BANDS, payBandEurEquivalent } from '../../../../collector/export/harmonised/pay-band-eur.ts';
import { loadSurveyFile } from '../../../../collector/surveys/survey-registry.ts';

const SURVEY = loadSurveyFile(new URL('../../../../surveys/career-outcomes.json', import.meta.url).pathname);

describe('payBandEurEquivalent', () => {
  // Worked by hand: midpoint (open bands at 0.75 × their top, 1.25 × their bottom), divided by the ECB rate of
  // 2024-12-31 (USD 1.0389, GBP 0.82918, JPY 163.06 per euro), rounded to EUR 100.
  it.each([
    ['pay_band_eur', 'below_20k', 15_000],
    ['pay_band_eur', 'from_20k_to_30k', 25_000],
    ['pay_band_eur', 'from_50k_to_70k', 60_000],
    ['pay_band_eur', 'from_70k', 87_500],
    ['pay_band_gbp', 'below_20k', 18_100], // 15,000 / 0.82918 = 18,090
    ['pay_band_gbp', 'from_40k_to_50k', 54_300], // 45,000 / 0.82918 = 54,270
    ['pay_band_usd', 'below_30k', 21_700], // 22,500 / 1.0389 = 21,658
    ['pay_band_usd', 'from_60k_to_80k', 67_400], // 70,000 / 1.0389 = 67,379
    ['pay_band_jpy', 'from_3m_to_4m', 21_500], // 3,500,000 / 163.06 = 21,465
    ['pay_band_jpy', 'from_7m', 53_700], // 8,750,000 / 163.06 = 53,661
  ])('%s %s is EUR %i a year', (question, option, eur) => {
    expect(payBandEurEquivalent(question, option)).toBe(eur);
  });

  it.each([
    ['pay_band_eur', 'prefer_not_to_say'],
    ['pay_band_gbp', 'from_100k'],
    ['pay_band_chf', 'below_20k'],
  ])('has no figure for %s %s', (question, option) => {
    expect(payBandEurEquivalent(question, option)).toBeUndefined();
  });

  it('refuses a band with no bound, naming the file', () => {
    expect(() => bandMidpoint([null, null])).toThrow(/pay-band-eur\.ts: a band needs at least one bound/);
  });

  it('knows every pay band the survey file offers, and nothing else', () => {
    const inSurvey = SURVEY.questions
      .filter((q) => q.id.startsWith('pay_band_'))
      .map((q) => [q.id, (q.options ?? []).map((o) => o.id).filter((id) => id !== 'prefer_not_to_say')]);
    expect(inSurvey).toEqual(Object.entries(PAY_BANDS).map(([id, list]) => [id, Object.keys(list.bands)]));
  });
});
