// The English of what widget/ui/ draws itself (the frame, the intro, a question screen, its choices
// and the placeholder of a field still on its way): every language's fallback from the first screen.
// The strings of what widget/ui/rest/ draws come with it (ui/rest/strings.ts).
// Plural forms are keyed "base_rule" with Intl.PluralRules categories (one, other, few, …).
export const enBase = {
  introHeading: 'Help us improve our courses',
  close: 'Close',
  start: 'Start',
  notNow: 'Not now',
  never: "Don't ask me again",
  keptIfStopped: 'If you stop before the end, the answers you gave are kept.',
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
  loading: 'Loading…',
} as const;
