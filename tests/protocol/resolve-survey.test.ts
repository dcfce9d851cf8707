import { describe, expect, it } from 'vitest';
import {
  questionsFor,
  ResolvedSurvey,
  resolveSurvey,
  type SurveyDefinition,
  servedLocale,
} from '../../protocol/index.ts';

const def: SurveyDefinition = {
  id: 's',
  version: 3,
  title: { en: 'Your career', fr: 'Votre parcours', 'fr-CA': 'Votre cheminement' },
  locales: ['en', 'fr', 'fr-CA'],
  consentVersion: '2',
  questions: [
    {
      id: 'situation',
      kind: 'single_choice',
      text: { en: 'Situation?', fr: 'Situation ?' },
      options: [{ id: 'employed', label: { en: 'Employed', fr: 'En emploi' } }],
    },
    {
      id: 'area_fr',
      kind: 'single_choice',
      sensitive: true,
      text: { en: 'QPV?' },
      options: [{ id: 'prefer_not_to_say', label: { en: 'Prefer not to say' } }],
      link: { href: 'https://example.org/', label: { en: 'Check', fr: 'Vérifier' } },
    },
    { id: 'area', kind: 'single_choice', text: { en: 'Area?' }, options: [{ id: 'yes', label: { en: 'Yes' } }] },
  ],
  packs: { default: { questions: ['situation', 'area'] }, FR: { questions: ['situation', 'area_fr'] } },
};

describe('resolveSurvey', () => {
  it.each([
    ['FR', ['situation', 'area_fr']],
    ['DE', ['situation', 'area']],
    [undefined, ['situation', 'area']],
  ])('serves the %s pack questions in pack order', (country, ids) => {
    expect(resolveSurvey(def, { country, locale: 'en' }).questions.map((q) => q.id)).toEqual(ids);
  });

  it('serves every bank question when the survey has no packs', () => {
    expect(questionsFor({ ...def, packs: undefined }, 'FR').map((q) => q.id)).toEqual(['situation', 'area_fr', 'area']);
  });

  it.each([
    ['fr', 'fr', 'Votre parcours', 'Situation\u202F?'],
    ['fr-CA', 'fr-CA', 'Votre cheminement', 'Situation ?'],
    ['fr-BE', 'fr', 'Votre parcours', 'Situation\u202F?'],
    ['ja', 'en', 'Your career', 'Situation?'],
  ])(
    'resolves locale %s to %s texts (French typeset, not Quebec French), falling back per string to English',
    (locale, served, title, text) => {
      const r = resolveSurvey(def, { country: 'FR', locale });
      expect(r.locale).toBe(served);
      expect(r.title).toBe(title);
      expect(r.questions[0].text).toBe(text);
      expect(r.questions[1].text).toBe('QPV?');
    },
  );

  it('carries version, consent version, sensitivity and the link, and matches the ResolvedSurvey schema', () => {
    const r = resolveSurvey(def, { country: 'FR', locale: 'fr' });
    expect(r).toMatchObject({ id: 's', version: 3, consentVersion: '2', country: 'FR' });
    expect(r.questions[1]).toMatchObject({
      sensitive: true,
      link: { href: 'https://example.org/', label: 'Vérifier' },
    });
    expect(ResolvedSurvey.safeParse(r).success).toBe(true);
    expect(JSON.stringify(r)).not.toContain('undefined');
  });

  it('serves the base language, else English, when a locale is missing', () => {
    expect(servedLocale(def, 'fr-CH')).toBe('fr');
    expect(servedLocale(def, 'uk')).toBe('en');
  });
});
