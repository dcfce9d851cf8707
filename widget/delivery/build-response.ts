import type { ResolvedSurvey } from '../../protocol/resolved-survey.ts';
import type { SurveyResponse } from '../../protocol/survey-response.ts';
import { uuidv7 } from '../../protocol/uuidv7.ts';
import type { EmbedOptions } from '../core/options/option-table.ts';
import type { SubmitResult } from '../ui/survey-ui-props.ts';

// The one result type, declared beside the UI props that hand it over.
export type { SubmitResult };

/** The wire record for one submission; its id is made here, once, and reused on every retry. */
export function buildResponse(
  survey: ResolvedSurvey,
  options: EmbedOptions,
  result: SubmitResult,
  trigger: string,
  wave: string | undefined,
  now = Date.now(),
  attempt: { id?: string; status?: 'partial' } = {},
): SurveyResponse {
  const context = { courseId: options.courseId, pathId: options.pathId, trigger, wave };
  return {
    // One id per attempt (docs/denominators.md): a partial and its completion share it.
    id: attempt.id ?? uuidv7(now),
    ...(attempt.status ? { status: attempt.status } : {}),
    surveyId: survey.id,
    surveyVersion: survey.version,
    submittedAt: new Date(now).toISOString(),
    locale: survey.locale,
    country: options.country ?? survey.country,
    answers: result.answers,
    consent: {
      sensitive: result.consentSensitive,
      version: survey.consentVersion,
      // Absent rather than empty, so records without a consent group look as they always did.
      ...(result.consentGroups?.length ? { groups: result.consentGroups } : {}),
    },
    learnerRef: options.learnerRef,
    // Only beside its ref: a signature alone proves nothing and the collector would only drop it.
    learnerSig: options.learnerRef ? options.learnerSig : undefined,
    // A personal link's token: the collector takes the learner, cohort and wave from it (issue 17).
    link: options.link,
    context: JSON.parse(JSON.stringify(context)) as SurveyResponse['context'],
  };
}
