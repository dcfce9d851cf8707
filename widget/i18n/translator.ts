import type { UiKey, UiTable } from './en.ts';
import { enBase } from './en-base.ts';
import { RTL_LOCALES, UI_LOCALES } from './ui-locales.ts';

export type PluralKey = 'minutes' | 'questions' | 'charsLeft' | 'charsOver';
type Vars = Record<string, string | number>;

export type Translator = {
  lang: string;
  dir: 'ltr' | 'rtl';
  t(key: UiKey, vars?: Vars): string;
  plural(key: PluralKey, n: number): string;
  number(n: number): string;
  /** Makes the number format now (see createTranslator), so its first use does not pay for it. */
  warm(): void;
  /** The same translator with more English fallbacks: the strings of widget/ui/rest/ (rest/strings.ts). */
  withEnglish(more: UiTable): Translator;
};

// English plural rules, for the fallback of a form a language's table leaves out: made once per page.
let englishRules: Intl.PluralRules | undefined;

/**
 * Built-in strings for one UI language; a missing or empty key shows English, never the key.
 * The English fallback starts with widget/ui/'s own strings; widget/ui/rest/ adds its own
 * through withEnglish before it draws anything.
 */
export function createTranslator(locale: string, table: UiTable = enBase, english: UiTable = enBase): Translator {
  const lang = UI_LOCALES.includes(locale) ? locale : 'en';
  // The page's first Intl.NumberFormat loads ICU data in one long native call (70–500 ms with the CPU 4× slower,
  // bench/profiles/first-question.md), and no first screen shows a number: the figures come with widget/ui/rest/.
  // So it is made on first use, or by warm() once the first screen is drawn (mount-survey.tsx). Plural rules cost
  // about 1 ms and are made here.
  let numbers: Intl.NumberFormat | undefined;
  const format = () => (numbers ??= new Intl.NumberFormat(lang));
  return withFormats(lang, table, english, format, new Intl.PluralRules(lang));
}

function withFormats(
  lang: string,
  table: UiTable,
  english: UiTable,
  format: () => Intl.NumberFormat,
  rules: Intl.PluralRules,
): Translator {
  // Whole numbers from 0 to 999 are written the same in every UI language (Latin digits, no grouping; held for each
  // of UI_LOCALES by tests/widget/i18n/translator.test.ts and tests/e2e/number-fast-path.test.ts), so the progress
  // line's "1 of 12" needs no ICU number data: its first Intl.NumberFormat was a 100–500 ms task under 4x throttle
  // in the first question's render. 1 / n > 0 keeps -0 for the formatter, which writes it "-0".
  const number = (n: number) => (Number.isInteger(n) && n < 1e3 && 1 / n > 0 ? `${n}` : format().format(n));
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
    warm: () => void format(),
    t: (key, vars) => fill(lookup(key) ?? key, vars),
    plural(key, n) {
      // English rules pick the English form, so a language's own category never misses.
      const own = table[`${key}_${rules.select(n)}`] || table[`${key}_other`];
      if (own) return fill(own, { n });
      englishRules ??= new Intl.PluralRules('en');
      return fill(english[`${key}_${englishRules.select(n)}`] ?? english[`${key}_other`] ?? key, { n });
    },
    withEnglish: (more) => withFormats(lang, table, { ...english, ...more }, format, rules),
  };
}
