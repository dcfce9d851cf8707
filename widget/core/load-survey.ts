import type { ResolvedSurvey } from '../../protocol/resolved-survey.ts';
import { wrongSurveyField } from '../../protocol/resolved-survey-guard.ts';

/**
 * Fetches the survey resolved for the learner's country and language. The collector
 * checked the survey file against the protocol when it started, so only the fields
 * the widget relies on first are checked here (protocol/resolved-survey-guard.ts).
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
  // Always asked of the collector (a prompt is rare; a changed survey shows at once). When it is
  // unreachable or failing (offline, down, 5xx), the copy this browser fetched before, however old
  // (the answer may be cached), so a learner who saw the survey once can still answer; the answers
  // queue as usual. Without a copy, force-cache asks the network again and fails as before.
  const get = (cache: RequestCache) => fetch(url, { credentials: 'omit', cache });
  const res = await get('no-cache')
    .then(
      (r) => (r.status < 500 ? r : get('force-cache')),
      () => get('force-cache'),
    )
    .catch((error: unknown) => {
      throw new Error(`outcome-survey: GET ${url} failed (${error}) and this browser keeps no earlier copy`);
    });
  if (!res.ok)
    throw new Error(`outcome-survey: GET ${url} answered ${res.status}; check the survey id and the endpoint`);
  const survey: unknown = await res.json();
  const wrong = wrongSurveyField(survey);
  if (wrong)
    throw new Error(
      `outcome-survey: the survey from ${url} is not a resolved survey: ${wrong} is missing or of the wrong type`,
    );
  return survey as ResolvedSurvey;
}
