import { afterEach, describe, expect, it, vi } from 'vitest';
import { ar } from '../../../widget/i18n/ar.ts';
import { en } from '../../../widget/i18n/en.ts';
import { enBase } from '../../../widget/i18n/en-base.ts';
import { es } from '../../../widget/i18n/es.ts';
import { fr } from '../../../widget/i18n/fr.ts';
import { createTranslator, loadUiTable, UI_LOCALES, type UiTable } from '../../../widget/i18n/index.ts';
import { ja } from '../../../widget/i18n/ja.ts';
import { uk } from '../../../widget/i18n/uk.ts';
import { enRest } from '../../../widget/ui/rest/strings.ts';

const UI_TABLES: Record<string, UiTable> = { en: enBase, fr, es, ar, uk, ja };

const keys = Object.keys(en) as (keyof typeof en)[];

describe('createTranslator', () => {
  it.each(UI_LOCALES)('never shows a key, and fills every placeholder, in %s', (locale) => {
    // As the widget has it once widget/ui/rest/ is in: its English strings added to the fallback.
    const tr = createTranslator(locale, UI_TABLES[locale]).withEnglish(enRest);
    for (const key of keys) {
      const text = tr.t(key, { minutes: 'M', questions: 'Q', n: 3, total: 6, min: 0, max: 80 });
      if (en[key] !== key) expect(text, key).not.toBe(key);
      expect(text, key).not.toMatch(/\{\w+\}/);
    }
  });

  it.each(UI_LOCALES.filter((l) => l !== 'en'))('translates every built-in string into %s', (locale) => {
    const missing = keys.filter((k) => !/_(one|other)$/.test(k) && !UI_TABLES[locale][k]);
    expect(missing).toEqual([]);
  });

  it.each(UI_LOCALES)('shows no key on the first screens in %s before widget/ui/rest/ is in', (locale) => {
    const tr = createTranslator(locale, UI_TABLES[locale]);
    for (const key of Object.keys(enBase) as (keyof typeof enBase)[])
      if (enBase[key] !== key) expect(tr.t(key, { minutes: 'M', questions: 'Q', n: 3, total: 6 }), key).not.toBe(key);
  });

  it('splits English into widget/ui/ and widget/ui/rest/, with no string in both', () => {
    expect(Object.keys(enBase).filter((k) => k in enRest)).toEqual([]);
    expect({ ...enBase, ...enRest }).toEqual(en);
  });

  it("adds widget/ui/rest/'s English strings as a fallback, keeping the language and its own strings", () => {
    const tr = createTranslator('fr', { consentYes: 'Oui' }).withEnglish(enRest);
    expect([tr.lang, tr.t('consentYes'), tr.t('consentNo'), tr.t('start')]).toEqual([
      'fr',
      'Oui',
      enRest.consentNo,
      'Start',
    ]);
    expect(createTranslator('en').t('consentNo')).toBe('consentNo');
  });

  it('falls back to English for a language it does not have', () => {
    expect(createTranslator('de').t('start')).toBe('Start');
  });

  it('falls back to English for a key a table leaves out', () => {
    const tr = createTranslator('ja', ja);
    expect(tr.t('start')).toBe('始める');
    expect(tr.plural('minutes', 1)).toBe('1分');
    expect(UI_TABLES.ja.minutes_one).toBeUndefined();
  });

  it.each<[string, 'minutes' | 'questions' | 'charsLeft', number, string]>([
    ['en', 'questions', 1, '1 question'],
    ['en', 'questions', 6, '6 questions'],
    ['fr', 'minutes', 2, '2\u00A0minutes'],
    ['uk', 'questions', 2, '2 запитання'],
    ['uk', 'questions', 5, '5 запитань'],
    ['ar', 'minutes', 2, 'دقيقتان'],
    ['ja', 'questions', 6, '6問'],
    ['en', 'charsLeft', 1, 'You have 1 character left'],
  ])('pluralises %s %s for %i', (locale, key, n, expected) => {
    expect(createTranslator(locale, UI_TABLES[locale]).withEnglish(enRest).plural(key, n)).toBe(expected);
  });

  it.each(UI_LOCALES)('loads the %s table on demand', async (locale) => {
    expect(await loadUiTable(locale)).toBe(UI_TABLES[locale]);
  });

  it('loads English for a language it does not have', async () => {
    expect(await loadUiTable('de')).toBe(enBase);
  });

  it.each([
    ['ar', 'rtl'],
    ['en', 'ltr'],
    ['ja', 'ltr'],
  ])('sets the direction of %s to %s', (locale, dir) => {
    expect(createTranslator(locale).dir).toBe(dir);
  });

  it('shows French strings with French no-break spaces (widget/i18n/french-table.ts), and not another language’s', () => {
    const fr = createTranslator('fr', UI_TABLES.fr).withEnglish(enRest);
    expect(fr.t('consentQuestion')).toBe('Voulez-vous répondre à ces questions\u202F?');
    expect(fr.t('consentWhat')).toContain('situation\u00A0:');
    expect(fr.plural('minutes', 3)).toBe('3\u00A0minutes');
    const ar = createTranslator('ar', UI_TABLES.ar).withEnglish(enRest);
    expect(ar.t('consentWhat')).toBe(UI_TABLES.ar.consentWhat);
    expect(createTranslator('en').withEnglish(enRest).t('consentQuestion')).toBe(enRest.consentQuestion);
  });
});

// The page's first Intl.NumberFormat loads ICU data in one long native call (bench/profiles/first-question.md):
// no first screen shows a number, so it is made on first use, or warmed once the first screen is drawn.
describe('the number format', () => {
  /** Counts the Intl.NumberFormat objects made while the translator runs. */
  function countFormats() {
    const Real = Intl.NumberFormat;
    const count = { made: 0 };
    class Counted extends Real {
      constructor(...args: ConstructorParameters<typeof Real>) {
        super(...args);
        count.made++;
      }
    }
    vi.stubGlobal('Intl', Object.create(Intl, { NumberFormat: { value: Counted } }));
    return count;
  }
  afterEach(() => vi.unstubAllGlobals());

  it('is not made with the translator, nor by the strings of the first screens', () => {
    const count = countFormats();
    const tr = createTranslator('fr', fr);
    for (const key of Object.keys(enBase) as (keyof typeof enBase)[]) tr.t(key);
    expect(count.made).toBe(0);
  });

  it('is made once, by warm() or the first number, and shared with the translator withEnglish gives', () => {
    const count = countFormats();
    const tr = createTranslator('fr', fr);
    tr.warm();
    expect(count.made).toBe(1);
    const formatted = tr.withEnglish(enRest).number(12345);
    expect(tr.plural('questions', 3)).toContain('3');
    expect(count.made).toBe(1);
    expect(formatted).toBe(new Intl.NumberFormat('fr').format(12345));
  });

  it('formats the first number it is asked for without a warm-up', () => {
    const count = countFormats();
    expect(createTranslator('ar', ar).number(4242)).toBe(new Intl.NumberFormat('ar').format(4242));
    expect(count.made).toBe(2);
  });

  // The progress line ("1 of 12") is drawn with the first question: its figures must not make the number format.
  it.each(UI_LOCALES)('writes 0 to 999 in %s without making it, as the number format would', (locale) => {
    const reference = new Intl.NumberFormat(locale);
    const count = countFormats();
    const tr = createTranslator(locale);
    const written = Array.from({ length: 1000 }, (_, n) => tr.number(n));
    expect(count.made).toBe(0);
    expect(written).toEqual(Array.from({ length: 1000 }, (_, n) => reference.format(n)));
    expect(tr.t('progress', { n: 3, total: 12 })).toContain('12');
    expect(count.made).toBe(0);
  });

  it.each([-0, -1, 1000, 12345, 2.5, Number.NaN])('hands %d to the number format', (n) => {
    const count = countFormats();
    expect(createTranslator('fr', fr).number(n)).toBe(new Intl.NumberFormat('fr').format(n));
    expect(count.made).toBe(2);
  });
});
