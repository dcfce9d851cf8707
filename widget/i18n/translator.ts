import { en, type UiKey, type UiTable } from './en.ts';
import { RTL_LOCALES, UI_LOCALES } from './ui-locales.ts';

export type PluralKey = 'minutes' | 'questions' | 'charsLeft' | 'charsOver';
type Vars = Record<string, string | number>;

export type Translator = {
  lang: string;
  dir: 'ltr' | 'rtl';
  t(key: UiKey, vars?: Vars): string;
  plural(key: PluralKey, n: number): string;
  number(n: number): string;
};

/** Built-in strings for one UI language; a missing or empty key shows English, never the key. */
export function createTranslator(locale: string, table: UiTable = en): Translator {
  const lang = UI_LOCALES.includes(locale) ? locale : 'en';
  const numbers = new Intl.NumberFormat(lang);
  const rules = new Intl.PluralRules(lang);
  const english = en as Record<string, string | undefined>;
  const number = (n: number) => numbers.format(n);
  const fill = (text: string, vars: Vars = {}) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = vars[name];
      return v === undefined ? whole : typeof v === 'number' ? number(v) : v;
    });
  const lookup = (key: string) => table[key] || english[key];
  return {
    lang,
    dir: RTL_LOCALES.includes(lang) ? 'rtl' : 'ltr',
    number,
    t: (key, vars) => fill(lookup(key) ?? key, vars),
    plural(key, n) {
      // English rules pick the English form, so a language's own category never misses.
      const own = table[`${key}_${rules.select(n)}`] || table[`${key}_other`];
      const text = own ?? english[`${key}_${new Intl.PluralRules('en').select(n)}`] ?? english[`${key}_other`] ?? key;
      return fill(text, { n });
    },
  };
}
