import type { FieldError, LocalizedText, SurveyDefinition } from '../../protocol/index.ts';
import { requiredLocales } from './required-locales.ts';
import { translatableTexts } from './translatable-texts.ts';

/** A text in "fr" serves "fr-CA" too: the widget falls back from a regional tag to its language (pickText). */
function has(text: LocalizedText, locale: string): boolean {
  return text[locale] !== undefined || text[locale.split('-')[0].toLowerCase()] !== undefined;
}

/** One error per text that lacks a language the survey is served in; served there, it would show English. */
export function missingTranslations(def: SurveyDefinition): FieldError[] {
  const { locales, source } = requiredLocales(def);
  const why =
    source === 'declared'
      ? `the survey declares "locales": [${locales.map((l) => `"${l}"`).join(', ')}]`
      : `other texts of the survey use ${locales.join(', ')}`;
  const errors: FieldError[] = [];
  for (const { path, text } of translatableTexts(def)) {
    const absent = locales.filter((l) => !has(text, l));
    // "fr" missing already says what to add for "fr-CA".
    const missing = absent.filter((l) => !l.includes('-') || !absent.includes(l.split('-')[0].toLowerCase()));
    if (missing.length === 0) continue;
    errors.push({
      path,
      message:
        `missing translation for ${missing.join(', ')} (${why}); a learner served ${missing[0]} would read English here. ` +
        `Add ${missing.map((l) => `"${l}"`).join(', ')} to this text, or pass --allow-missing-translations for a draft`,
    });
  }
  return errors;
}
