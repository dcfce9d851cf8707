// AAPOR Standard Definitions, 10th edition (2023), "Final Dispositions" and "Outcome Rates": the formulas below
// are its RR1–RR6, COOP1–COOP4, REF1–REF3 and CON1–CON3 with I, P, R, NC, O, UH, UO as it defines them.

/** The AAPOR rates this module computes, in the Standard Definitions' order. */
// biome-ignore format: one row per family, as in the Standard Definitions.
export const AAPOR_RATE_NAMES = [
  'RR1', 'RR2', 'RR3', 'RR4', 'RR5', 'RR6',
  'COOP1', 'COOP2', 'COOP3', 'COOP4',
  'REF1', 'REF2', 'REF3',
  'CON1', 'CON2', 'CON3',
] as const;
export type AaporRateName = (typeof AAPOR_RATE_NAMES)[number];

/** A rate between 0 and 1, or null when its denominator is 0 (no case to divide by), never NaN. */
export type AaporRates = Record<AaporRateName, number | null>;

/** Disposition code ("1.1", "2.11", "3.90", …) → count; `outside_roster` may ride along and is left out. */
export type DispositionCounts = Readonly<Record<string, number>>;

/** The Standard Definitions' groups of final dispositions. */
export type AaporGroups = {
  I: number;
  P: number;
  R: number;
  NC: number;
  O: number;
  UH: number;
  UO: number;
  NE: number;
};

/**
 * With a roster every member is known to be eligible, so a case of unknown eligibility (3.x) is an eligible one:
 * e = 1, and RR3/RR4 equal RR1/RR2. A survey without a roster would estimate e instead (AAPOR 10th ed., "e").
 */
export const ROSTER_ELIGIBILITY = 1;

export type AaporRatesErrorCode = 'unknown_disposition' | 'invalid_count' | 'invalid_eligibility';

export class AaporRatesError extends Error {
  override name = 'AaporRatesError';
  constructor(
    message: string,
    readonly code: AaporRatesErrorCode,
  ) {
    super(message);
  }
}

/** Counted apart from every rate: a response from someone not on the roster has no place in its denominator. */
const OUTSIDE_ROSTER = 'outside_roster';

/** Which group a final disposition code belongs to: 1.1 → I, 1.2 → P, 2.1x → R, 2.2x → NC, 2.3x–2.9x → O, … */
export function aaporGroupOf(code: string): keyof AaporGroups {
  const m = /^([1-4])\.(\d)(\d*)$/.exec(code);
  const group = m && groupOf(Number(m[1]), Number(m[2]));
  if (!group)
    throw new AaporRatesError(
      `unknown disposition code "${code}": expected an AAPOR final disposition such as "1.1", "2.11", "2.20", "3.90" or "4.10"`,
      'unknown_disposition',
    );
  return group;
}

function groupOf(major: number, minor: number): keyof AaporGroups | null {
  if (major === 1) return minor === 1 ? 'I' : minor === 2 ? 'P' : null;
  if (major === 2) return minor === 1 ? 'R' : minor === 2 ? 'NC' : minor >= 3 ? 'O' : null;
  if (major === 3) return minor === 1 ? 'UH' : minor >= 2 ? 'UO' : null;
  return 'NE';
}

export function aaporGroups(counts: DispositionCounts): AaporGroups {
  const groups: AaporGroups = { I: 0, P: 0, R: 0, NC: 0, O: 0, UH: 0, UO: 0, NE: 0 };
  for (const [code, n] of Object.entries(counts)) {
    if (code === OUTSIDE_ROSTER) continue;
    if (!(Number.isFinite(n) && n >= 0))
      throw new AaporRatesError(
        `disposition "${code}" has count ${String(n)}: expected a finite number >= 0 (a count or a sum of weights)`,
        'invalid_count',
      );
    groups[aaporGroupOf(code)] += n;
  }
  return groups;
}

const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);

/** Every AAPOR rate from final disposition counts; `e` is the share of unknown-eligibility cases taken as eligible. */
export function aaporRates(counts: DispositionCounts, e: number = ROSTER_ELIGIBILITY): AaporRates {
  if (!(Number.isFinite(e) && e >= 0 && e <= 1))
    throw new AaporRatesError(
      `eligibility e = ${String(e)}: expected a number from 0 to 1 (1 with a roster, where every member is eligible)`,
      'invalid_eligibility',
    );
  const { I, P, R, NC, O, UH, UO } = aaporGroups(counts);
  const known = I + P + R + NC + O;
  const all = known + UH + UO;
  const estimated = known + e * (UH + UO);
  const contacted = I + P + R + O;
  return {
    RR1: ratio(I, all),
    RR2: ratio(I + P, all),
    RR3: ratio(I, estimated),
    RR4: ratio(I + P, estimated),
    RR5: ratio(I, known),
    RR6: ratio(I + P, known),
    COOP1: ratio(I, contacted),
    COOP2: ratio(I + P, contacted),
    COOP3: ratio(I, I + P + R),
    COOP4: ratio(I + P, I + P + R),
    REF1: ratio(R, all),
    REF2: ratio(R, estimated),
    REF3: ratio(R, known),
    CON1: ratio(contacted, all),
    CON2: ratio(contacted, estimated),
    CON3: ratio(contacted, known),
  };
}
