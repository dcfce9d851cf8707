import { describe, expect, it } from 'vitest';
import { useEmbedStack } from './embed-harness.ts';
import { readScreens } from './support/read-screens.ts';

// Issue 19, repeated words: a question screen says "select all that apply" and "optional" once each,
// in the widget's own words, never again in the question text ("…Choose all that apply." above
// "Select all that apply."; "…This question is optional. (optional)").
const env = useEmbedStack();

// The words each language's two sentences share, however the survey file or the widget phrase them.
const SAID_ONCE: Record<string, RegExp[]> = {
  en: [/all that (apply|you have)/gi, /optional/gi],
  fr: [/cochez tou/gi, /facultati/gi],
  ar: [/اختر كل ما/g, /اختياري/g],
};

describe.each([360, 1280])('question screens at %i px', (width) => {
  it.each(Object.keys(SAID_ONCE))('say "select all" and "optional" once each in %s', async (locale) => {
    const screens = await readScreens(env, locale, width);
    const repeated = screens
      .map((s) => s.text)
      .filter((text) => SAID_ONCE[locale].some((words) => (text.match(words) ?? []).length > 1));
    expect(screens.length).toBeGreaterThan(10);
    expect(repeated).toEqual([]);
    // The FR pack's multiple-choice and optional questions are on the way, with the widget's words.
    expect(screens.filter((s) => SAID_ONCE[locale].every((words) => s.text.match(words))).length).toBeGreaterThan(0);
  });
});
