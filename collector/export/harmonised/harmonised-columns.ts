import { PREFER_NOT_TO_SAY, type SurveyResponse } from '../../../protocol/index.ts';
import { DIPLOMA_LISTS, DIPLOMA_QUESTIONS } from '../../flags/isced-map.ts';
import { Q } from '../../flags/question-ids.ts';
import type { FieldType, ValueLabel } from '../column-types.ts';
import { EUR_RATES, PAY_BAND_QUESTIONS, payBandEurEquivalent } from './pay-band-eur.ts';

/** One answer of the response, sensitive or not (the export keeps the two apart, the rule does not care). */
export type AnswerOf = (questionId: string) => SurveyResponse['answers'][string] | undefined;
type Cell = string | number | undefined;

/** The variant answered first, and the option chosen in it (undefined for "Prefer not to say"). */
function answered(get: AnswerOf, ids: readonly string[]): { id?: string; option?: string } {
  const id = ids.find((q) => get(q) !== undefined);
  const v = id ? get(id) : undefined;
  return { id, option: typeof v === 'string' && v !== PREFER_NOT_TO_SAY ? v : undefined };
}

/**
 * One concept asked through country variants (area_fr, area_gb…), as one column that reads whichever variant the
 * response answered. The originals stay in the export; these come after the questions, before the flags.
 */
export type Harmonised = {
  name: 'area_any' | 'isced_level' | 'pay_band_eur_equivalent';
  type: FieldType;
  label: string;
  /** The rule, as the codebook prints it. */
  derivation: string;
  /** The question ids it reads, in the order it tries them. */
  reads: readonly string[];
  values?: ValueLabel[];
  sensitive: boolean;
  value(get: AnswerOf): Cell;
};

const ISCED_NAMES = [
  'Early childhood education / less than primary',
  'Primary education',
  'Lower secondary education',
  'Upper secondary education',
  'Post-secondary non-tertiary education',
  'Short-cycle tertiary education',
  'Bachelor’s or equivalent level',
  'Master’s or equivalent level',
  'Doctoral or equivalent level',
];

export const HARMONISED: readonly Harmonised[] = [
  {
    name: 'area_any',
    type: 'string',
    label: 'Lives in an area the country lists as underserved (any country’s variant of the question)',
    derivation: `The answer to whichever of ${Q.area.join(', ')} was answered: yes and no as given; "I don't know" and "Prefer not to say" are unknown; empty when none was asked or answered.`,
    reads: Q.area,
    values: [
      { code: 'yes', label: { en: 'Yes' } },
      { code: 'no', label: { en: 'No' } },
      { code: 'unknown', label: { en: 'I don’t know, or prefer not to say' } },
    ],
    sensitive: true,
    value(get) {
      const { id, option } = answered(get, Q.area);
      if (!id) return undefined;
      return option === 'yes' || option === 'no' ? option : 'unknown';
    },
  },
  {
    name: 'isced_level',
    type: 'integer',
    label: 'Highest level of education attained, ISCED 2011 (0–8), from the country’s diploma list',
    derivation: `The answer to whichever of ${DIPLOMA_QUESTIONS.join(', ')} was answered, mapped to its ISCED 2011 attainment level by the table in collector/flags/isced-map.ts (research/domain.md §3; the same table low_education reads); empty for "Prefer not to say" or when none was answered.`,
    reads: DIPLOMA_QUESTIONS,
    values: ISCED_NAMES.map((name, level) => ({ code: String(level), label: { en: name } })),
    sensitive: true,
    value(get) {
      const { id, option } = answered(get, DIPLOMA_QUESTIONS);
      return id && option ? DIPLOMA_LISTS[id].options[option]?.isced : undefined;
    },
  },
  {
    name: 'pay_band_eur_equivalent',
    type: 'number',
    label: 'Yearly pay before tax, euro equivalent of the national pay band (EUR)',
    derivation: `The answer to whichever of ${PAY_BAND_QUESTIONS.join(', ')} was answered, at the band's midpoint ("under X" at 0.75 X, "X or more" at 1.25 X), converted from GBP, USD or JPY at the ECB euro foreign exchange reference rates of ${EUR_RATES.date} (1 EUR = ${EUR_RATES.USD} USD = ${EUR_RATES.GBP} GBP = ${EUR_RATES.JPY} JPY) and rounded to the nearest EUR 100. A market exchange rate, not purchasing power parity: it restates a band in euros, it does not compare living standards. Empty for "Prefer not to say" or when none was answered.`,
    reads: PAY_BAND_QUESTIONS,
    sensitive: false,
    value(get) {
      const { id, option } = answered(get, PAY_BAND_QUESTIONS);
      return id && option ? payBandEurEquivalent(id, option) : undefined;
    },
  },
];

/** The harmonised columns a survey can fill: those reading at least one of its questions. */
export function harmonisedFor(questionIds: ReadonlySet<string>): Harmonised[] {
  return HARMONISED.filter((h) => h.reads.some((id) => questionIds.has(id)));
}
