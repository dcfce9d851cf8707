import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { disabilityNational, RECOGNITION_LISTS } from '../../../collector/flags/disability-national.ts';
import { PREFER_NOT_TO_SAY, type SurveyDefinition, type SurveyResponse } from '../../../protocol/index.ts';

const P = PREFER_NOT_TO_SAY;
const FR = 'disability_national.fr-boeth@1';
const JP = 'disability_national.jp-techo@1';
const NONE = 'disability_national.none@1';
const askedIn =
  (...ids: string[]) =>
  (id: string) =>
    ids.includes(id);

describe('disabilityNational', () => {
  it.each<[string, SurveyResponse['answers'], string[], boolean | null, string]>([
    ['FR RQTH', { disability_recognition: ['rqth'] }, ['disability_recognition'], true, FR],
    [
      'FR AAH and CMI together',
      { disability_recognition: ['aah', 'cmi_invalidity'] },
      ['disability_recognition'],
      true,
      FR,
    ],
    [
      'FR invalidity or work-accident pension',
      { disability_recognition: ['invalidity_pension'] },
      ['disability_recognition'],
      true,
      FR,
    ],
    ['FR another BOETH status', { disability_recognition: ['other_boeth'] }, ['disability_recognition'], true, FR],
    ['FR "none"', { disability_recognition: ['none'] }, ['disability_recognition'], false, FR],
    ['FR "prefer not to say"', { disability_recognition: [P] }, ['disability_recognition'], null, FR],
    ['FR unanswered', {}, ['disability_recognition'], null, FR],
    ['FR an empty list', { disability_recognition: [] }, ['disability_recognition'], null, FR],
    [
      'FR a recognition sent beside "none"',
      { disability_recognition: ['none', 'rqth'] },
      ['disability_recognition'],
      true,
      FR,
    ],
    ['FR an option the list does not know', { disability_recognition: ['pch'] }, ['disability_recognition'], null, FR],
    ['JP physical certificate', { disability_certificate: ['physical'] }, ['disability_certificate'], true, JP],
    [
      'JP intellectual and mental-health certificates',
      { disability_certificate: ['intellectual', 'mental_health'] },
      ['disability_certificate'],
      true,
      JP,
    ],
    ['JP "none"', { disability_certificate: ['none'] }, ['disability_certificate'], false, JP],
    ['JP "prefer not to say"', { disability_certificate: [P] }, ['disability_certificate'], null, JP],
    ['JP unanswered', {}, ['disability_certificate'], null, JP],
    ['a single choice reusing the id', { disability_certificate: 'physical' }, ['disability_certificate'], true, JP],
    ['a single-choice "none"', { disability_recognition: 'none' }, ['disability_recognition'], false, FR],
    ['a single-choice refusal', { disability_recognition: P }, ['disability_recognition'], null, FR],
    ['a pack without such a question', { wg_walking: 'a_lot_of_difficulty' }, ['wg_ss'], null, NONE],
    ['a pack without such a question, nothing answered', {}, [], null, NONE],
    ['an answer the pack did not ask for', { disability_certificate: ['none'] }, [], false, JP],
  ])('%s: %j, asked %j → %s under %s', (_name, answers, asked, value, rule) => {
    expect(disabilityNational(answers, askedIn(...asked))).toEqual({ value, rule });
  });

  it('lists every option of every recognition question of the built-in survey, and nothing else', () => {
    const survey = JSON.parse(readFileSync('surveys/career-outcomes.json', 'utf8')) as SurveyDefinition;
    const asked = survey.questions.filter((q) => q.id in RECOGNITION_LISTS);
    expect(asked.map((q) => q.id).sort()).toEqual(Object.keys(RECOGNITION_LISTS).sort());
    for (const q of asked) {
      const ids = (q.options ?? []).map((o) => o.id).filter((id) => id !== P && id !== 'none');
      expect(ids, q.id).toEqual([...RECOGNITION_LISTS[q.id].held]);
      expect(
        q.options?.filter((o) => o.exclusive).map((o) => o.id),
        q.id,
      ).toEqual(['none', P]);
    }
  });
});
