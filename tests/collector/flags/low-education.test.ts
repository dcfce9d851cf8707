import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DIPLOMA_LISTS } from '../../../collector/flags/isced-map.ts';
import { LOW_EDUCATION_RULE, lowEducation, lowEducationNational } from '../../../collector/flags/low-education.ts';
import { PREFER_NOT_TO_SAY, type SurveyDefinition } from '../../../protocol/index.ts';

describe('lowEducation and lowEducationNational', () => {
  it.each([
    // question, option, ISCED 0–2, national rule, national value
    ['diploma_fr', 'none', true, 'fr-below-bac', true],
    ['diploma_fr', 'brevet', true, 'fr-below-bac', true],
    ['diploma_fr', 'cap_bep', false, 'fr-below-bac', true], // ISCED 3 yet below the Bac: the two rules differ
    ['diploma_fr', 'bac_pro_techno', false, 'fr-below-bac', false],
    ['diploma_fr', 'bac_5', false, 'fr-below-bac', false],
    ['diploma_gb', 'entry_level', true, 'gb-below-rqf2', true],
    ['diploma_gb', 'rqf_1', true, 'gb-below-rqf2', true],
    ['diploma_gb', 'rqf_2', false, 'gb-below-rqf2', false],
    ['diploma_us', 'less_than_high_school', true, 'us-high-school-or-less', true],
    ['diploma_us', 'high_school', false, 'us-high-school-or-less', true], // ISCED 3 yet "high school or less"
    ['diploma_us', 'some_college', false, 'us-high-school-or-less', false],
    ['diploma_jp', 'junior_high', true, 'jp-junior-high', true],
    ['diploma_jp', 'high_school', false, 'jp-junior-high', false],
    ['diploma', 'lower_secondary', true, 'isced-0-2', true],
    ['diploma', 'upper_secondary', false, 'isced-0-2', false],
    ['diploma', 'doctorate', false, 'isced-0-2', false],
  ])('%s = %s gives ISCED-low %s and %s %s', (question, option, low, rule, national) => {
    const answers = { [question]: option };
    expect(lowEducation(answers)).toEqual({ value: low, rule: LOW_EDUCATION_RULE });
    expect(lowEducationNational(answers)).toEqual({ value: national, rule: `low_education_national.${rule}@1` });
  });

  it.each([
    ['refused', { diploma_fr: PREFER_NOT_TO_SAY }],
    ['an option the map does not know', { diploma_gb: 'rqf_9' }],
  ])('gives unknown when the diploma is %s', (_name, answers) => {
    expect(lowEducation(answers).value).toBeNull();
    expect(lowEducationNational(answers).value).toBeNull();
  });

  it('gives unknown, under a rule that says no list was asked, when unanswered', () => {
    expect(lowEducation({}).value).toBeNull();
    expect(lowEducationNational({})).toEqual({ value: null, rule: 'low_education_national.none@1' });
  });

  it('maps every option of every diploma question of the built-in survey, and nothing else', () => {
    const survey = JSON.parse(readFileSync('surveys/career-outcomes.json', 'utf8')) as SurveyDefinition;
    const asked = survey.questions.filter((q) => q.topic === 'education');
    expect(asked.map((q) => q.id).sort()).toEqual(Object.keys(DIPLOMA_LISTS).sort());
    for (const q of asked) {
      const ids = (q.options ?? []).map((o) => o.id).filter((id) => id !== PREFER_NOT_TO_SAY);
      expect(ids, q.id).toEqual(Object.keys(DIPLOMA_LISTS[q.id].options));
    }
  });
});
