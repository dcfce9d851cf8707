import type { FieldError, LocalizedText, SurveyCheck, SurveyDefinition } from '../../protocol/index.ts';
import { WIDGET_PHRASES, type WidgetPhrases } from './widget-phrases.ts';

// A question text that says what the widget already writes beside it ("Choose all that apply." above the
// widget's "Select all that apply.", "This question is optional. (optional)") reads twice to the learner.
// The sentence is found by its words, not its exact wording: a survey's "Cochez toutes les réponses qui
// conviennent." repeats the widget's "Cochez toutes les réponses qui vous concernent.".

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/['’ʼ]/g, '')
    .match(/[\p{L}\p{N}]+/gu) ?? [];

// Scripts written without spaces (Japanese): a phrase's word is found inside a sentence's.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** The same word, give or take an ending ("facultatif"/"facultative", "réponse"/"réponses"). */
function sameWord(a: string, b: string): boolean {
  if (a === b || (UNSPACED.test(b) && a.includes(b))) return true;
  let common = 0;
  while (common < Math.min(a.length, b.length) && a[common] === b[common]) common++;
  return common >= 0.8 * Math.max(a.length, b.length);
}

/** A sentence of `text` made mostly of the phrase's words, and not much longer than it. */
function sentenceRepeating(text: string, phrase: string): string | undefined {
  const wanted = words(phrase);
  return text.split(/(?<=[.!?。؟])\s*/u).find((sentence) => {
    const have = words(sentence);
    const found = wanted.filter((w) => have.some((h) => sameWord(h, w))).length;
    return have.length > 0 && have.length <= 2 * wanted.length + 2 && found >= 0.6 * wanted.length;
  });
}

/** Each question text or hint that repeats, in one of its languages, what the widget writes beside it. */
export function repeatedHints(def: SurveyDefinition, phrases = WIDGET_PHRASES): FieldError[] {
  const errors: FieldError[] = [];
  const check = (text: LocalizedText | undefined, at: string, key: keyof WidgetPhrases, shown: string) => {
    for (const [locale, value] of Object.entries(text ?? {})) {
      const phrase = phrases[locale] ?? phrases[locale.split('-')[0]];
      const sentence = phrase && sentenceRepeating(value, phrase[key]);
      if (sentence)
        errors.push({
          path: `${at}.${locale}`,
          message: `"${sentence}" repeats the widget's own "${phrase[key]}", shown ${shown}; remove the sentence from the survey text`,
        });
    }
  };
  def.questions.forEach((q, i) => {
    for (const field of ['text', 'hint'] as const) {
      const at = `questions[${i}].${field}`;
      if (q.kind === 'multiple_choice') check(q[field], at, 'selectAll', 'under every multiple-choice question');
      if (!q.required) check(q[field], at, 'optional', 'after every optional question');
    }
  });
  return errors;
}

/** A survey check that also fails on repeated hints (for npm run check-survey). */
export function withRepeatedHints(result: SurveyCheck): SurveyCheck {
  if (!result.ok) return result;
  const errors = repeatedHints(result.survey);
  return errors.length ? { ok: false, errors } : result;
}
