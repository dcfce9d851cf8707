// What the widget writes itself on a question screen, in each of its languages: the hint under every
// multiple-choice question (selectAll) and the marker after an optional question (optional).
// Copied, not imported: the collector never imports widget code (tests/architecture/boundaries.test.ts);
// tests/collector/surveys/widget-phrases.test.ts fails when a widget table (widget/i18n/*.ts) changes them.
export type WidgetPhrases = { selectAll: string; optional: string };

export const WIDGET_PHRASES: Readonly<Record<string, WidgetPhrases>> = {
  en: { selectAll: 'Select all that apply.', optional: '(optional)' },
  fr: { selectAll: 'Cochez toutes les réponses qui vous concernent.', optional: '(facultatif)' },
  es: { selectAll: 'Marque todas las que correspondan.', optional: '(opcional)' },
  ar: { selectAll: 'اختر كل ما ينطبق عليك.', optional: '(اختياري)' },
  uk: { selectAll: 'Виберіть усе, що підходить.', optional: "(необов'язково)" },
  ja: { selectAll: 'あてはまるものをすべて選んでください。', optional: '（任意）' },
};
