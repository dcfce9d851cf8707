import { describe, expect, it } from 'vitest';
import {
  checkResponse,
  type ResponseIssueCode,
  responseIssues,
  type SurveyDefinition,
  type SurveyResponse,
} from '../../protocol/index.ts';

const options = (...ids: string[]) => ids.map((id) => ({ id, label: { en: id } }));
const survey: SurveyDefinition = {
  id: 'codes',
  version: 1,
  title: { en: 'Codes' },
  questions: [
    { id: 'situation', kind: 'single_choice', text: { en: 'Situation?' }, options: options('employed', 'looking') },
    { id: 'age', kind: 'number', text: { en: 'Age?' }, min: 14, max: 99 },
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
  ],
};

const response = (answers: SurveyResponse['answers'], sensitive = true): SurveyResponse => ({
  id: '0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b',
  surveyId: survey.id,
  surveyVersion: 1,
  submittedAt: '2026-01-31T12:00:00Z',
  locale: 'en',
  answers,
  consent: { sensitive, version: '1' },
});

describe('responseIssues', () => {
  it.each<[string, SurveyResponse['answers'], boolean, ResponseIssueCode[]]>([
    ['gives no issue for a valid response', { situation: 'employed', age: 30 }, true, []],
    [
      'codes an answer to a question the version lacks as unknown_question',
      { shoe_size: '42' },
      true,
      ['unknown_question'],
    ],
    ['codes an option the question lacks as answer_invalid', { situation: 'astronaut' }, true, ['answer_invalid']],
    ['codes a number out of range as answer_invalid', { age: 7 }, true, ['answer_invalid']],
    [
      'codes a sensitive answer without sensitive consent as consent_missing',
      { area: 'yes' },
      false,
      ['consent_missing'],
    ],
    [
      'codes a group answer without the group consent as consent_missing',
      { ethnic_group: 'asian' },
      true,
      ['consent_missing'],
    ],
    [
      'codes each problem of one answer on its own',
      { ethnic_group: 'martian' },
      false,
      ['consent_missing', 'consent_missing', 'answer_invalid'],
    ],
  ])('%s', (_name, answers, sensitive, codes) => {
    expect(responseIssues(survey, response(answers, sensitive)).map((i) => i.code)).toEqual(codes);
  });

  it('reads the same paths and messages as checkResponse', () => {
    const r = response({ shoe_size: '42', area: 'yes', age: 7 }, false);
    expect(responseIssues(survey, r).map(({ path, message }) => ({ path, message }))).toEqual(checkResponse(survey, r));
  });
});
