/**
 * The national pay bands of surveys/career-outcomes.json, as amounts a year in their own currency, and their euro
 * equivalent. A band [low, high) counts at its midpoint; "under X" is taken as [X/2, X) and "X or more" as
 * [X, 1.5X), so they count at 0.75X and 1.25X (open bands have no midpoint: this closes them at half a band on
 * the open side, and says so in the codebook). Amounts are converted at the ECB euro foreign exchange reference
 * rates of one named day, rounded to the nearest EUR 100, so a band always converts to the same figure.
 */
export type PayBands = {
  currency: 'EUR' | 'GBP' | 'USD' | 'JPY';
  bands: Record<string, [number | null, number | null]>;
};

/** Units of each currency for one euro: ECB reference rates of 31 December 2024 (the last of that year). */
export const EUR_RATES = { date: '2024-12-31', EUR: 1, USD: 1.0389, GBP: 0.82918, JPY: 163.06 } as const;

const k = 1000;
const m = 1_000_000;

// The euro and pound questions share their bands (in their own currency).
const BANDS_20K_TO_70K: PayBands['bands'] = {
  below_20k: [null, 20 * k],
  from_20k_to_30k: [20 * k, 30 * k],
  from_30k_to_40k: [30 * k, 40 * k],
  from_40k_to_50k: [40 * k, 50 * k],
  from_50k_to_70k: [50 * k, 70 * k],
  from_70k: [70 * k, null],
};

export const PAY_BANDS: Record<string, PayBands> = {
  pay_band_eur: {
    currency: 'EUR',
    bands: BANDS_20K_TO_70K,
  },
  pay_band_gbp: {
    currency: 'GBP',
    bands: BANDS_20K_TO_70K,
  },
  pay_band_usd: {
    currency: 'USD',
    bands: {
      below_30k: [null, 30 * k],
      from_30k_to_45k: [30 * k, 45 * k],
      from_45k_to_60k: [45 * k, 60 * k],
      from_60k_to_80k: [60 * k, 80 * k],
      from_80k_to_100k: [80 * k, 100 * k],
      from_100k: [100 * k, null],
    },
  },
  pay_band_jpy: {
    currency: 'JPY',
    bands: {
      below_3m: [null, 3 * m],
      from_3m_to_4m: [3 * m, 4 * m],
      from_4m_to_5m: [4 * m, 5 * m],
      from_5m_to_7m: [5 * m, 7 * m],
      from_7m: [7 * m, null],
    },
  },
};

export const PAY_BAND_QUESTIONS = Object.keys(PAY_BANDS);

/** The band's representative amount in its own currency (see the rule above). */
export function bandMidpoint([low, high]: [number | null, number | null]): number {
  if (low === null && high === null) throw new Error('pay-band-eur.ts: a band needs at least one bound');
  if (low === null) return 0.75 * (high as number);
  if (high === null) return 1.25 * low;
  return (low + high) / 2;
}

/** EUR a year for one answer to one pay-band question; undefined for an unknown band (or "prefer not to say"). */
export function payBandEurEquivalent(questionId: string, optionId: string): number | undefined {
  const list = PAY_BANDS[questionId];
  const band = list?.bands[optionId];
  if (!band) return undefined;
  return Math.round(bandMidpoint(band) / EUR_RATES[list.currency] / 100) * 100;
}
