import { describe, expect, it } from 'vitest';
import { pickUiLocale } from '../../../widget/i18n/index.ts';

describe('pickUiLocale', () => {
  it.each<[string, string | undefined, string | undefined, string[], string]>([
    ['uses the option', 'fr', 'en', ['es'], 'fr'],
    ['reduces a regional option to its language', 'es-MX', undefined, [], 'es'],
    ['accepts an underscore and any case', 'UK_ua', undefined, [], 'uk'],
    ['shows English for an unsupported option rather than guessing', 'de', 'fr', ['es'], 'en'],
    ['falls back to the page language', undefined, 'ar-EG', ['fr'], 'ar'],
    ['treats a blank option as absent', '  ', 'ja', [], 'ja'],
    ['falls back to the first supported browser language', undefined, 'de', ['pl', 'uk-UA', 'fr'], 'uk'],
    ['ends in English', undefined, undefined, ['de'], 'en'],
    ['ends in English with nothing given', undefined, undefined, [], 'en'],
  ])('%s', (_name, option, pageLang, navigatorLanguages, expected) => {
    expect(pickUiLocale(option, pageLang, navigatorLanguages)).toBe(expected);
  });
});
