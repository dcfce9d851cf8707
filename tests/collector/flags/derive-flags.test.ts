import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveFlags } from '../../../collector/flags/derive-flags.ts';
import { FLAG_NAMES } from '../../../collector/flags/flag.ts';
import { checkResponse, type SurveyDefinition, type SurveyResponse } from '../../../protocol/index.ts';

const survey = JSON.parse(readFileSync('surveys/career-outcomes.json', 'utf8')) as SurveyDefinition;

const response = (country: string | undefined, answers: SurveyResponse['answers']): SurveyResponse => ({
  id: '0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b',
  surveyId: survey.id,
  surveyVersion: survey.version,
  submittedAt: '2026-01-31T12:00:00Z',
  locale: 'fr',
  country,
  answers,
  consent: { sensitive: true, version: '1' },
});

const noDifficulty = Object.fromEntries(
  ['wg_seeing', 'wg_hearing', 'wg_walking', 'wg_cognition', 'wg_selfcare', 'wg_communication'].map((id) => [
    id,
    'no_difficulty',
  ]),
);

const values = (r: SurveyResponse, includeAsylumSeekers = true) =>
  Object.fromEntries(Object.entries(deriveFlags(survey, r, { includeAsylumSeekers })).map(([k, f]) => [k, f.value]));

describe('deriveFlags', () => {
  const fr = response('FR', {
    situation: 'employed',
    changes: ['new_job'],
    helped: 'a_lot',
    ilo_worked: 'yes',
    pes_registered_fr: 'yes',
    area_fr: 'dont_know',
    diploma_fr: 'cap_bep',
    wg_seeing: 'no_difficulty',
    wg_walking: 'a_lot_of_difficulty',
    disability_recognition: ['rqth', 'aah'],
    protection_status: 'asylum_pending',
  });
  // Ethnicity answers are valid only with the ethnicity consent of their own (issue 4).
  const gbAnswers = response('GB', {
    situation: 'looking',
    changes: ['none'],
    ilo_worked: 'no',
    ilo_searched: 'yes',
    ilo_available: 'no',
    area_gb: 'no',
    diploma_gb: 'rqf_3',
    gss_condition: 'yes',
    gss_reduces: 'not_at_all',
    protection_status: 'none',
    ethnic_group_gb: 'white',
    ethnic_white_gb: 'irish',
  });
  const gb: SurveyResponse = { ...gbAnswers, consent: { ...gbAnswers.consent, groups: ['ethnicity'] } };

  it.each([
    ['FR', fr],
    ['GB', gb],
  ])('derives from a valid %s response', (_c, r) => {
    expect(checkResponse(survey, r)).toEqual([]);
  });

  it('derives every flag of an FR response, France Travail registration counting as jobseeker', () => {
    expect(values(fr)).toEqual({
      career_outcome: true,
      jobseeker: true,
      jobseeker_ilo: false,
      underserved_area: null,
      low_education: false,
      low_education_national: true,
      disability: true,
      disability_national: true,
      refugee: true,
      any_underserved: true,
    });
    expect(values(fr, false).refugee).toBe(false);
  });

  it('derives every flag of a GB response with the GSS rule, all five groups known false', () => {
    const flags = deriveFlags(survey, gb);
    expect(values(gb)).toEqual({
      career_outcome: false,
      jobseeker: false,
      jobseeker_ilo: false,
      underserved_area: false,
      low_education: false,
      low_education_national: false,
      disability: false,
      disability_national: null,
      refugee: false,
      any_underserved: false,
    });
    expect(flags.disability.rule).toBe('disability.gss@1');
    expect(flags.low_education_national.rule).toBe('low_education_national.gb-below-rqf2@1');
    expect(flags.disability_national.rule).toBe('disability_national.none@1');
  });

  it.each<[string, SurveyResponse['answers'], boolean | null, string]>([
    ['FR', { disability_recognition: ['rqth', 'aah'] }, true, 'disability_national.fr-boeth@1'],
    ['FR', {}, null, 'disability_national.fr-boeth@1'],
    ['JP', { disability_certificate: ['none'] }, false, 'disability_national.jp-techo@1'],
    ['JP', {}, null, 'disability_national.jp-techo@1'],
    ['US', {}, null, 'disability_national.none@1'],
  ])(
    'derives disability_national in %s from %j under the rule of the list the pack asks',
    (country, answers, value, rule) => {
      const r = response(country, answers);
      expect(checkResponse(survey, r)).toEqual([]);
      expect(deriveFlags(survey, r).disability_national).toEqual({ value, rule });
    },
  );

  it('leaves disability and any_underserved to the WG-SS when the national recognition disagrees', () => {
    const flags = deriveFlags(survey, response('JP', { ...noDifficulty, disability_certificate: ['mental_health'] }));
    expect(flags.disability_national.value).toBe(true);
    expect(flags.disability).toEqual({ value: false, rule: 'disability.wg-ss@1' });
    expect(flags.any_underserved.value).toBeNull();
  });

  it('keeps jobseeker unknown in FR when the learner is not an ILO jobseeker and skipped the registration question', () => {
    expect(values(response('FR', { ilo_worked: 'yes' })).jobseeker).toBeNull();
    expect(values(response('GB', { ilo_worked: 'yes' })).jobseeker).toBe(false);
  });

  it('gives every flag, each unknown with a versioned rule, for an empty response', () => {
    const flags = deriveFlags(survey, response(undefined, {}));
    expect(Object.keys(flags).sort()).toEqual([...FLAG_NAMES].sort());
    for (const f of Object.values(flags)) {
      expect(f.value).toBeNull();
      expect(f.rule).toMatch(/@\d+/);
    }
    expect(flags.disability.rule).toBe('disability.wg-ss@1');
  });

  it('counts pending asylum by default', () => {
    expect(deriveFlags(survey, response('JP', { protection_status_jp: 'asylum_pending' })).refugee.value).toBe(true);
  });
});
