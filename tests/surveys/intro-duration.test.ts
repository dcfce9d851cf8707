import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SurveyDefinition } from '../../protocol/index.ts';

// Issue 19: the French intro said "environ 3 minutes" beside the screen's own "4 minutes, 10 questions". The intro
// screen computes the length from the questions (widget/ui/screens/intro-screen.tsx); the survey's text states none.
const survey = SurveyDefinition.parse(
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../surveys/career-outcomes.json'), 'utf8')),
);
const intro = survey.intro as Record<string, string>;

describe('the career-outcomes intro text', () => {
  it.each(survey.locales ?? [])('states no duration of its own in %s', (locale) => {
    expect(intro[locale], `surveys/career-outcomes.json intro.${locale}`).toBeTruthy();
    // Any figure (Western, Arabic-Indic or full-width digits) would be a second, hard-coded estimate.
    expect(intro[locale]).not.toMatch(/[0-9\u0660-\u0669\uff10-\uff19]/);
  });
});
