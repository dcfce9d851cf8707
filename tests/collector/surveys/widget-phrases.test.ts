import { describe, expect, it } from 'vitest';
import { WIDGET_PHRASES } from '../../../collector/surveys/widget-phrases.ts';
import { ar } from '../../../widget/i18n/ar.ts';
import { enBase } from '../../../widget/i18n/en-base.ts';
import { es } from '../../../widget/i18n/es.ts';
import { fr } from '../../../widget/i18n/fr.ts';
import { ja } from '../../../widget/i18n/ja.ts';
import { UI_LOCALES } from '../../../widget/i18n/ui-locales.ts';
import { uk } from '../../../widget/i18n/uk.ts';

// The fr table is typeset (widget/i18n/french-table.ts): compared with its no-break spaces made plain.
const plain = (text: string | undefined) => text?.replace(/[\u00A0\u202F]/g, ' ');
const TABLES = { en: enBase, fr, es, ar, uk, ja } as const;

describe('WIDGET_PHRASES', () => {
  it('has a copy for every UI language of the widget', () => {
    expect(Object.keys(WIDGET_PHRASES).sort()).toEqual([...UI_LOCALES].sort());
  });

  it.each(Object.entries(TABLES))('matches what the widget writes in %s', (locale, table) => {
    expect(WIDGET_PHRASES[locale]).toEqual({ selectAll: plain(table.selectAll), optional: plain(table.optional) });
  });
});
