import * as z from 'zod/mini';

/** BCP 47 language tag, loosely checked: "en", "fr", "en-GB", "zh-Hant-TW". */
export const LocaleTag = z
  .string()
  .check(
    z.regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, { error: 'expected a BCP 47 language tag such as "en" or "fr-FR"' }),
  );

/**
 * Text in several languages, keyed by language tag. English is required: it is
 * the fallback whenever a translation is missing, so no learner ever sees a key.
 */
export const LocalizedText = z
  .record(LocaleTag, z.string().check(z.minLength(1, { error: 'expected a non-empty string' })))
  .check(
    z.refine((t) => typeof t.en === 'string', {
      error: 'expected an "en" entry: English is the fallback language',
    }),
  );
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Picks the best text for a locale: exact tag, then its language, then English. */
export function pickText(text: LocalizedText, locale: string): string {
  if (text[locale]) return text[locale];
  const language = locale.split('-')[0].toLowerCase();
  return text[language] ?? text.en;
}
