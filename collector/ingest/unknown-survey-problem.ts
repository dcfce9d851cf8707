import type { FieldError } from '../../protocol/index.ts';
import type { SurveyRegistry } from '../surveys/survey-registry.ts';

/** The error for a record naming a survey or version this collector does not serve, with the versions it does. */
export function unknownSurveyProblem(
  surveyId: string,
  surveyVersion: number,
  at: string,
  surveys: SurveyRegistry,
): FieldError {
  const known = surveys.versions(surveyId).map((d) => d.version);
  return known.length
    ? {
        path: `${at}.surveyVersion`,
        message: `survey "${surveyId}" has no version ${surveyVersion} (known: ${known.join(', ')})`,
      }
    : { path: `${at}.surveyId`, message: `unknown survey "${surveyId}"` };
}
