// The one entry of widget/ui/rest/: what a learner needs after the first screen, fetched once that
// screen is drawn (load-rest.ts). The screens that are not questions and sending the answers, the
// typed fields (number, free text, month-year, grid), answer errors, and their strings and styles.
import { GridField } from './fields/grid-field.tsx';
import { MonthYearField } from './fields/month-year-field.tsx';
import { TextField } from './fields/text-field.tsx';

export { questionTotal } from '../flow/question-total.ts';
export { ErrorMessage } from './fields/error-message.tsx';
export { ErrorSummary } from './screens/error-summary.tsx';
export { NonQuestionScreen } from './screens/non-question-screen.tsx';
export { sendAnswers } from './send-answers.ts';
export { enRest } from './strings.ts';
export { REST_CSS } from './styles.ts';

/** The fields drawn here, by the names widget/ui/fields/field-kinds.ts gives them. */
export const REST_FIELDS = { TextField, MonthYearField, GridField };
export type RestFieldName = keyof typeof REST_FIELDS;
