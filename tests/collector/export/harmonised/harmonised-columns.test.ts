import { describe, expect, it } from 'vitest';
import { buildCodebook } from '../../../../collector/export/codebook.ts';
import { exportColumns } from '../../../../collector/export/export-columns.ts';
import { rowReader } from '../../../../collector/export/row-values.ts';
import type { StoredResponse } from '../../../../collector/storage/storage.ts';
import { loadSurveyFile } from '../../../../collector/surveys/survey-registry.ts';
import { generateResponse, TEST_SURVEYS } from '../../../support/generate-responses.ts';

const SURVEY = loadSurveyFile(new URL('../../../../surveys/career-outcomes.json', import.meta.url).pathname);
const columns = exportColumns([SURVEY]);
const HARMONISED = ['area_any', 'isced_level', 'pay_band_eur_equivalent'];

function harmonised(
  answers: StoredResponse['answers'],
  sensitiveAnswers: StoredResponse['answers'] = {},
  labels = false,
) {
  const r = { ...generateResponse(0), surveyId: SURVEY.id, answers, sensitiveAnswers };
  const values = rowReader(columns, { labels })(r);
  return HARMONISED.map((name) => values[columns.findIndex((c) => c.name === name)]);
}

describe('harmonised columns', () => {
  it.each<[string, StoredResponse['answers'], (string | number | null)[]]>([
    ['France', { area_fr: 'yes', diploma_fr: 'cap_bep', pay_band_eur: 'from_30k_to_40k' }, ['yes', 3, 35_000]],
    ['Great Britain', { area_gb: 'no', diploma_gb: 'rqf_1', pay_band_gbp: 'from_70k' }, ['no', 2, 105_500]],
    [
      'the USA',
      { area_us: 'dont_know', diploma_us: 'associate', pay_band_usd: 'from_30k_to_45k' },
      ['unknown', 5, 36_100],
    ],
    [
      'Japan',
      { area_jp: 'prefer_not_to_say', diploma_jp: 'doctorate', pay_band_jpy: 'from_5m_to_7m' },
      ['unknown', 8, 36_800],
    ],
    ['the default pack', { area: 'yes', diploma: 'post_secondary' }, ['yes', 4, null]],
    ['refusals', { diploma_fr: 'prefer_not_to_say', pay_band_eur: 'prefer_not_to_say' }, [null, null, null]],
    ['nothing answered', {}, [null, null, null]],
  ])('read whichever variant %s asked', (_where, answers, expected) => {
    // area and diploma are sensitive, kept apart from the rest as the storage keeps them.
    const sensitive = Object.fromEntries(Object.entries(answers).filter(([id]) => !id.startsWith('pay_band')));
    const plain = Object.fromEntries(Object.entries(answers).filter(([id]) => id.startsWith('pay_band')));
    expect(harmonised(plain, sensitive)).toEqual(expected);
  });

  it('label their values in a labelled export', () => {
    expect(harmonised({}, { area_fr: 'dont_know', diploma_fr: 'bac_5' }, true)).toEqual([
      'I don’t know, or prefer not to say',
      'Master’s or equivalent level',
      null,
    ]);
  });

  it('come after the questions, before the flags, and only for a survey that has a variant to read', () => {
    const names = columns.map((c) => c.name);
    const at = names.indexOf('area_any');
    expect(names.slice(at, at + 4)).toEqual([...HARMONISED, 'flag_career_outcome']);
    expect(exportColumns(TEST_SURVEYS).map((c) => c.name)).not.toContain('area_any');
  });

  it('carry their rule, the ISCED levels and the rate date into the codebook', () => {
    const variables = buildCodebook([SURVEY]).variables;
    const v = (name: string) => variables.find((x) => x.name === name);
    expect(v('area_any')).toMatchObject({ source: 'harmonised', sensitive: true });
    expect(v('area_any')?.derivation).toMatch(/area, area_fr, area_gb, area_us, area_jp/);
    expect(v('isced_level')?.values?.map((x) => x.code)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8']);
    expect(v('pay_band_eur_equivalent')?.derivation).toMatch(/ECB euro foreign exchange reference rates of 2024-12-31/);
  });

  it('leave the country variants in the export, each labelled by the pack that asks it', () => {
    const label = (name: string) => columns.find((c) => c.name === name)?.label;
    expect(label('diploma_fr')).toBe('What is the highest diploma or qualification you have? (asked in FR)');
    expect(label('diploma')).toBe(
      'What is the highest diploma or qualification you have? (asked in countries without a pack of their own)',
    );
    const variants = columns
      .filter((c) => c.source.kind === 'answer' && /^(area|diploma|pay_band)(_|$)/.test(c.name))
      .map((c) => c.label);
    expect(variants).toHaveLength(14);
    expect(new Set(variants).size).toBe(variants.length);
  });
});
