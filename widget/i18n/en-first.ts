// The English strings of the intro and the choice questions: they ship in the UI chunk, as every
// language's fallback for the first screens. The rest wait in en-later.ts (issue 5's byte budget).
// Plural forms are keyed "base_rule" with Intl.PluralRules categories (one, other, few, …).
export const enFirst = {
  introHeading: 'Help us improve our courses',
  close: 'Close',
  start: 'Start',
  notNow: 'Not now',
  never: "Don't ask me again",
  back: 'Back',
  continue: 'Continue',
  length: '{minutes}, {questions}',
  minutes_one: '{n} minute',
  minutes_other: '{n} minutes',
  questions_one: '{n} question',
  questions_other: '{n} questions',
  progress: 'Question {n} of {total}',
  or: 'or',
  selectAll: 'Select all that apply.',
  optional: '(optional)',
} as const;
