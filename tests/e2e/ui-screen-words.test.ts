import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frenchSpacing } from '../../protocol/french-spacing.ts';
import { useEmbedStack } from './embed-harness.ts';
import { readScreens, type Screen } from './support/read-screens.ts';

// Issue 19, the words on the question screens, checked on one walk through the FR pack per locale
// and width: walking it is what costs (about 4 s each), the checks read the same screens.
const env = useEmbedStack();
const walks = new Map<string, Promise<Screen[]>>();
/** The screens of the walk in `locale` at `width`, walked the first time a test asks for them. */
function screensOf(locale: string, width: number): Promise<Screen[]> {
  const key = `${locale}@${width}`;
  let walk = walks.get(key);
  if (!walk) {
    walk = readScreens(env, locale, width);
    walks.set(key, walk);
  }
  return walk;
}

// Repeated words: a question screen says "select all that apply" and "optional" once each, in the
// widget's own words, never again in the question text ("…Choose all that apply." above "Select all
// that apply."; "…This question is optional. (optional)").
// The words each language's two sentences share, however the survey file or the widget phrase them.
const SAID_ONCE: Record<string, RegExp[]> = {
  en: [/all that (apply|you have)/gi, /optional/gi],
  fr: [/cochez tou/gi, /facultati/gi],
  ar: [/اختر كل ما/g, /اختياري/g],
};

describe.each([360, 1280])('question screens at %i px', (width) => {
  it.each(Object.keys(SAID_ONCE))('say "select all" and "optional" once each in %s', async (locale) => {
    const screens = await screensOf(locale, width);
    const repeated = screens
      .map((s) => s.text)
      .filter((text) => SAID_ONCE[locale].some((words) => (text.match(words) ?? []).length > 1));
    expect(screens.length).toBeGreaterThan(10);
    expect(repeated).toEqual([]);
    // The FR pack's multiple-choice and optional questions are on the way, with the widget's words.
    expect(screens.filter((s) => SAID_ONCE[locale].every((words) => s.text.match(words))).length).toBeGreaterThan(0);
  });
});

// French typography: every French text the widget draws has a narrow no-break space (U+202F)
// before ? ! ; and a no-break space (U+00A0) before :, so a sign never starts a line of its own on a
// phone; English and Arabic texts are drawn as the survey file and the string tables have them.
const survey = JSON.parse(readFileSync('surveys/career-outcomes.json', 'utf8')) as {
  questions: { id: string; text: Record<string, string> }[];
};
const firstQuestion = survey.questions.find((q) => q.id === 'situation')?.text ?? {};
/**
 * Each ? ! ; not after U+202F, and each : not after U+00A0, with the words before it. A ":" right after a
 * "?" is check-your-answers joining a question to its answer ("?:"), an issue item of its own.
 */
const untypeset = (text: string) =>
  [...text.matchAll(/[^\u202F?!][?!;]|[^\u00A0]:/g)].map((m) => text.slice(Math.max(0, m.index - 20), m.index + 2));

describe.each([360, 1280])('French typography at %i px', (width) => {
  it('puts a no-break space before every ? ! : ; of every French screen, and none starts a line', async () => {
    const screens = await screensOf('fr', width);
    expect(screens.length).toBeGreaterThan(10);
    expect(screens.flatMap((s) => untypeset(s.text))).toEqual([]);
    expect(screens.flatMap((s) => s.signsStartingALine)).toEqual([]);
    expect(screens[1].text).toContain(frenchSpacing(firstQuestion.fr));
  });

  it.each(['en', 'ar'])('leaves the %s texts as they are written', async (locale) => {
    const screens = await screensOf(locale, width);
    expect(screens.length).toBeGreaterThan(10);
    expect(screens.filter((s) => /\u202F|\u00A0[?!:;؟]/.test(s.text)).map((s) => s.text)).toEqual([]);
    expect(screens[1].text).toContain(firstQuestion[locale]);
  });
});
