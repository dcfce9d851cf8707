export type { UiKey, UiTable } from './en.ts';
export { pickUiLocale } from './pick-ui-locale.ts';
export { createTranslator, type PluralKey, type Translator } from './translator.ts';
export { RTL_LOCALES, UI_LOCALES } from './ui-locales.ts';
export { loadUiTable } from './ui-tables.ts';
