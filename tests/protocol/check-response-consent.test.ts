import { describe, expect, it } from 'vitest';
import { checkResponse, formatIssues, type SurveyDefinition, SurveyResponse } from '../../protocol/index.ts';

// Issue 4 / research/domain.md §7: ethnicity sits behind a consent of its own,
// on top of the consent to sensitive questions.
const options = (...ids: string[]) => ids.map((id) => ({ id, label: { en: id } }));
const survey: SurveyDefinition = {
  id: 'consent-groups',
  version: 1,
  title: { en: 'Consent groups' },
  questions: [
    {
      id: 'area',
      kind: 'single_choice',
      text: { en: 'Area?' },
      sensitive: true,
      options: options('yes', 'no', 'prefer_not_to_say'),
    },
    {
      id: 'ethnic_group',
      kind: 'single_choice',
      text: { en: 'Ethnic group?' },
      sensitive: true,
      consentGroup: 'ethnicity',
      options: options('asian', 'white', 'prefer_not_to_say'),
    },
    {
      id: 'race',
      kind: 'multiple_choice',
      text: { en: 'Race?' },
      sensitive: true,
      consentGroup: 'ethnicity',
      options: options('asian', 'white', 'prefer_not_to_say'),
    },
    {
      id: 'origin',
      kind: 'grid',
      text: { en: 'Where were they born?' },
      sensitive: true,
      consentGroup: 'ethnicity',
      rows: [{ id: 'origin_mother', text: { en: 'Mother' } }],
      options: options('here', 'abroad', 'prefer_not_to_say'),
    },
  ],
};

const response = (answers: SurveyResponse['answers'], consent: Partial<SurveyResponse['consent']>): SurveyResponse => ({
  id: '0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b',
  surveyId: survey.id,
  surveyVersion: 1,
  submittedAt: '2026-01-31T12:00:00Z',
  locale: 'en',
  answers,
  consent: { sensitive: true, version: '1', ...consent },
});

const refused = (id: string, group = 'ethnicity') => ({
  path: `answers.${id}`,
  message: `answer in consent group "${group}" without "${group}" in consent.groups`,
});

describe('checkResponse and consent groups', () => {
  it.each<[string, SurveyResponse['answers'], Partial<SurveyResponse['consent']>, object[]]>([
    ['accepts a group answer with the group consented', { ethnic_group: 'asian' }, { groups: ['ethnicity'] }, []],
    ['refuses a group answer without consent.groups', { ethnic_group: 'asian' }, {}, [refused('ethnic_group')]],
    [
      'refuses a group answer with an empty consent.groups',
      { ethnic_group: 'white' },
      { groups: [] },
      [refused('ethnic_group')],
    ],
    [
      'refuses a group answer consented to another group only',
      { ethnic_group: 'white' },
      { groups: ['religion'] },
      [refused('ethnic_group')],
    ],
    ['refuses a multiple-choice group answer without the group', { race: ['asian', 'white'] }, {}, [refused('race')]],
    [
      'refuses a grid row of a group question without the group',
      { origin_mother: 'abroad' },
      {},
      [refused('origin_mother')],
    ],
    [
      'accepts a grid row of a group question with the group',
      { origin_mother: 'abroad' },
      { groups: ['ethnicity'] },
      [],
    ],
    ['accepts "prefer not to say" without the group', { ethnic_group: 'prefer_not_to_say' }, {}, []],
    [
      'accepts "prefer not to say" alone in a multiple choice without the group',
      { race: ['prefer_not_to_say'] },
      {},
      [],
    ],
    ['accepts a sensitive answer outside any group without consent.groups', { area: 'yes' }, {}, []],
    [
      'refuses each group answer on its own path',
      { ethnic_group: 'asian', race: ['white'], area: 'no' },
      {},
      [refused('ethnic_group'), refused('race')],
    ],
  ])('%s', (_name, answers, consent, errors) => {
    expect(checkResponse(survey, response(answers, consent))).toEqual(errors);
  });

  it.each<[string, SurveyResponse['answers'], object[]]>([
    ['accepts "prefer not to say" to a single choice', { area: 'prefer_not_to_say' }, []],
    ['accepts "prefer not to say" alone in a multiple choice', { race: ['prefer_not_to_say'] }, []],
    [
      'refuses "prefer not to say" beside a real answer',
      { race: ['asian', 'prefer_not_to_say'] },
      [{ path: 'answers.race', message: 'sensitive answer without consent.sensitive = true' }, refused('race')],
    ],
    [
      'refuses a real answer',
      { area: 'yes' },
      [{ path: 'answers.area', message: 'sensitive answer without consent.sensitive = true' }],
    ],
  ])('without sensitive consent, %s', (_name, answers, errors) => {
    expect(checkResponse(survey, response(answers, { sensitive: false }))).toEqual(errors);
  });

  it('still needs sensitive consent when the group is consented', () => {
    const errors = checkResponse(
      survey,
      response({ ethnic_group: 'asian' }, { sensitive: false, groups: ['ethnicity'] }),
    );
    expect(errors).toEqual([
      { path: 'answers.ethnic_group', message: 'sensitive answer without consent.sensitive = true' },
    ]);
  });
});

describe('SurveyResponse consent.groups', () => {
  it('accepts a list of group names and its absence', () => {
    expect(SurveyResponse.safeParse(response({}, { groups: ['ethnicity'] })).success).toBe(true);
    expect(SurveyResponse.safeParse(response({}, {})).success).toBe(true);
  });

  it.each<[string, unknown]>([
    ['a bare string', 'ethnicity'],
    ['an empty name', ['']],
    ['a name of 65 characters', ['x'.repeat(65)]],
  ])('rejects %s, naming consent.groups', (_name, groups) => {
    const parsed = SurveyResponse.safeParse({
      ...response({}, {}),
      consent: { sensitive: true, version: '1', groups },
    });
    expect(parsed.success).toBe(false);
    expect(formatIssues(parsed.error?.issues ?? []).map((e) => e.path)[0]).toMatch(/^consent\.groups/);
  });
});
