import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frenchSpacing } from '../../protocol/french-spacing.ts';
import { useEmbedStack } from './embed-harness.ts';
import { readScreens } from './support/read-screens.ts';

// Issue 19, French typography: every French text the widget draws has a narrow no-break space (U+202F)
// before ? ! ; and a no-break space (U+00A0) before :, so a sign never starts a line of its own on a
// phone; English and Arabic texts are drawn as the survey file and the string tables have them.
const env = useEmbedStack();
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
    const screens = await readScreens(env, 'fr', width);
    expect(screens.length).toBeGreaterThan(10);
    expect(screens.flatMap((s) => untypeset(s.text))).toEqual([]);
    expect(screens.flatMap((s) => s.signsStartingALine)).toEqual([]);
    expect(screens[1].text).toContain(frenchSpacing(firstQuestion.fr));
  });

  it.each(['en', 'ar'])('leaves the %s texts as they are written', async (locale) => {
    const screens = await readScreens(env, locale, width);
    expect(screens.length).toBeGreaterThan(10);
    expect(screens.filter((s) => /\u202F|\u00A0[?!:;؟]/.test(s.text)).map((s) => s.text)).toEqual([]);
    expect(screens[1].text).toContain(firstQuestion[locale]);
  });
});
