import type { ResolvedSurvey } from '../protocol/resolved-survey.ts';

/**
 * Fetches the survey resolved for the learner's country and language. The collector
 * checked the survey file against the protocol when it started, so only the shape
 * the widget relies on is checked here; the full schema would double the bytes
 * a learner downloads before the first question.
 */
export async function loadSurvey(
  endpoint: string,
  surveyId: string,
  locale: string,
  country?: string,
): Promise<ResolvedSurvey> {
  const query = new URLSearchParams({ locale });
  if (country) query.set('country', country);
  const url = `${endpoint}/v1/surveys/${encodeURIComponent(surveyId)}?${query}`;
  const res = await fetch(url, { credentials: 'omit' });
  if (!res.ok)
    throw new Error(`outcome-survey: GET ${url} answered ${res.status}; check the survey id and the endpoint`);
  const survey = (await res.json()) as ResolvedSurvey;
  const wrong =
    !survey || typeof survey !== 'object'
      ? '(root)'
      : typeof survey.id !== 'string'
        ? 'id'
        : typeof survey.version !== 'number'
          ? 'version'
          : typeof survey.consentVersion !== 'string'
            ? 'consentVersion'
            : !Array.isArray(survey.questions)
              ? 'questions'
              : null;
  if (wrong)
    throw new Error(
      `outcome-survey: the survey from ${url} is not a resolved survey: ${wrong} is missing or of the wrong type`,
    );
  return survey;
}
