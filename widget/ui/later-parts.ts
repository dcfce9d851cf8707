// What the intro screen and a choice question do not need, in one chunk fetched once the first
// screen is drawn, so it does not count against the bytes needed to show the first question
// (issue 5): the answer checks and error summary (needed once Continue is pressed), the screens after
// the questions and sending the answers, the typed questions (number, free text, month-year, grid)
// and the error line, the flow's transitions for those screens, and the English strings they show.
export { enLater } from '../i18n/en-later.ts';
export { checkAnswer } from './check-answer.ts';
export { ErrorMessage } from './fields/error-message.tsx';
export { TypedField } from './fields/typed-field.tsx';
export { LATER_CSS } from './later-css.ts';
export { ErrorSummary } from './screens/error-summary.tsx';
export { LaterScreen } from './screens/later-screen.tsx';
export { sendAnswers } from './send-answers.ts';
