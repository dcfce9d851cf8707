// What the intro screen and a choice question do not need, in one chunk fetched once the first
// screen is drawn, so it does not count against the bytes needed to show the first question
// (issue 5): the answer checks and error summary (needed once Continue is pressed), the screens after
// the questions and sending the answers, the typed inputs (number, free text, month-year, grid), the
// flow's transitions for those screens, and the English strings they show.
export { enLater } from '../i18n/en-later.ts';
export { checkAnswer } from './check-answer.ts';
export { GridField } from './fields/grid-field.tsx';
export { MonthYearInput } from './fields/month-year-input.tsx';
export { TextInput } from './fields/text-input.tsx';
export { LATER_CSS } from './later-css.ts';
export { ErrorSummary } from './screens/error-summary.tsx';
export { LaterScreen } from './screens/later-screen.tsx';
export { sendAnswers } from './send-answers.ts';
