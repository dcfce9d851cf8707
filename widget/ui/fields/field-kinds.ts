import type { FunctionComponent } from 'preact';
import type { QuestionKind, ResolvedQuestion } from '../../../protocol/index.ts';
import type { RestFieldName } from '../rest/index.ts';
import { ChoiceField } from './choice-field.tsx';
import type { FieldProps } from './field-set.tsx';

/**
 * The one place that says how each question kind is drawn: a component here, with the first
 * question, or the name of one in widget/ui/rest/ (REST_FIELDS), fetched once the first screen shows.
 * Keyed by every QuestionKind, so a kind added to protocol/ does not type-check until it has a field.
 */
export const FIELD_KINDS: Readonly<Record<QuestionKind, FunctionComponent<FieldProps> | RestFieldName>> = {
  single_choice: ChoiceField,
  scale: ChoiceField,
  multiple_choice: ChoiceField,
  number: 'TextField',
  free_text: 'TextField',
  month_year: 'MonthYearField',
  grid: 'GridField',
};

/** Whether a question's field comes with widget/ui/rest/. */
export const drawnByRest = (q: ResolvedQuestion) => typeof FIELD_KINDS[q.kind] === 'string';
