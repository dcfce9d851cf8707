import type { SurveyDefinition } from '../../protocol/index.ts';
import { translatableTexts } from './translatable-texts.ts';

export type RequiredLocales = { locales: string[]; source: 'declared' | 'used' };

/**
 * The languages every text must have: the survey's declared `locales` when it has them, else every
 * language any of its texts uses (a survey with one French text is meant to be served in French).
 */
export function requiredLocales(def: SurveyDefinition): RequiredLocales {
  if (def.locales) return { locales: [...def.locales], source: 'declared' };
  const used = new Set<string>();
  for (const { text } of translatableTexts(def)) for (const tag of Object.keys(text)) used.add(tag);
  return { locales: [...used].sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b))), source: 'used' };
}
