import type { FieldError } from './format-issues.ts';
import { responseIssues } from './response-issues.ts';
import type { SurveyDefinition } from './survey-definition.ts';
import type { SurveyResponse } from './survey-response.ts';

/** The problems of responseIssues as the wire shows them ({ path, message }), for reports to people. */
export function checkResponse(def: SurveyDefinition, r: SurveyResponse): FieldError[] {
  return responseIssues(def, r).map(({ path, message }) => ({ path, message }));
}
