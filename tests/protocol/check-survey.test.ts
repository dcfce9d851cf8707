import { describe, expect, it } from 'vitest';
import { checkSurvey, ETHNICITY_RESTRICTED, type SurveyDefinition } from '../../protocol/index.ts';

const en = (text: string) => ({ en: text });
const opts = (...ids: string[]) => ids.map((id) => ({ id, label: en(id) }));
const ethnicity = {
  id: 'ethnic_group',
  kind: 'single_choice',
  topic: 'ethnicity',
  sensitive: true,
  consentGroup: 'ethnicity',
  text: en('What is your ethnic group?'),
  options: opts('white', 'prefer_not_to_say'),
} as const;
const situation = {
  id: 'situation',
  kind: 'single_choice',
  text: en('Situation?'),
  options: opts('employed', 'looking'),
} as const;

const withEthnicityIn = (country: string, override?: boolean): SurveyDefinition => ({
  id: 's',
  version: 1,
  title: en('S'),
  questions: [situation, ethnicity],
  packs: {
    default: { questions: ['situation'] },
    [country]: {
      questions: ['situation', 'ethnic_group'],
      ...(override === undefined ? {} : { overrideEthnicityLegalRestriction: override }),
    },
  },
});

describe('checkSurvey', () => {
  it('accepts a minimal survey and returns it parsed', () => {
    const result = checkSurvey({ id: 'minimal', version: 1, title: en('Minimal'), questions: [situation] });
    expect(result.ok && result.survey.questions[0].id).toBe('situation');
  });

  it.each(['GB', 'US'])('allows an ethnicity question in the %s pack', (country) => {
    expect(checkSurvey(withEthnicityIn(country)).ok).toBe(true);
  });

  it.each(ETHNICITY_RESTRICTED)('refuses an ethnicity question in the %s pack, and names the override', (country) => {
    const result = checkSurvey(withEthnicityIn(country));
    expect(result.ok ? [] : result.errors).toEqual([
      {
        path: `packs.${country}.questions[1]`,
        message: `ethnicity question "ethnic_group" is not allowed in the ${country} pack (set overrideEthnicityLegalRestriction only with legal sign-off)`,
      },
    ]);
  });

  it.each(ETHNICITY_RESTRICTED)('refuses an ethnicity question in %s when the override is false', (country) => {
    expect(checkSurvey(withEthnicityIn(country, false)).ok).toBe(false);
  });

  it.each(ETHNICITY_RESTRICTED)(
    'allows an ethnicity question in %s only with overrideEthnicityLegalRestriction',
    (country) => {
      expect(checkSurvey(withEthnicityIn(country, true)).ok).toBe(true);
    },
  );

  it('reports every error, not just the first', () => {
    const result = checkSurvey({
      id: 's',
      version: 1,
      title: en('S'),
      questions: [
        { ...situation, options: opts('a', 'a') },
        { ...situation, sensitive: true },
      ],
    });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual([
      'questions[0].options[1].id',
      'questions[1].id',
      'questions[1].options',
    ]);
  });
});
