import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSurvey } from '../../../widget/core/load-survey.ts';

const survey = { id: 'career-outcomes', version: 3, consentVersion: '2026-01', questions: [] };
const url = 'https://c.example/v1/surveys/career-outcomes?locale=fr&country=FR';
const answer = (status: number, body: unknown = survey) => new Response(JSON.stringify(body), { status });
const offline = () => Promise.reject(new TypeError('Failed to fetch'));

/** fetch as the browser would answer: `network` for a request that goes out, `kept` for the browser's copy. */
function stubFetch(network: () => Promise<Response>, kept: () => Promise<Response>) {
  const fetch = vi.fn((_url: string, init: RequestInit) => (init.cache === 'force-cache' ? kept() : network()));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

describe('loadSurvey', () => {
  it('asks the collector every time, without cookies, for the learner’s language and country', async () => {
    const fetch = stubFetch(async () => answer(200), offline);
    expect(await loadSurvey('https://c.example', 'career-outcomes', 'fr', 'FR')).toEqual(survey);
    expect(fetch).toHaveBeenCalledExactlyOnceWith(url, { credentials: 'omit', cache: 'no-cache' });
  });

  it.each([
    ['unreachable', offline],
    ['failing with 503', async () => answer(503, { error: 'storage unavailable' })],
  ])('shows the copy this browser kept when the collector is %s', async (_case, network) => {
    const fetch = stubFetch(network, async () => answer(200));
    expect(await loadSurvey('https://c.example', 'career-outcomes', 'fr', 'FR')).toEqual(survey);
    expect(fetch.mock.calls.map(([, init]) => init.cache)).toEqual(['no-cache', 'force-cache']);
  });

  it('does not fall back on a 404: a wrong survey id is the host’s mistake, said at once', async () => {
    const fetch = stubFetch(
      async () => answer(404, { error: 'no survey' }),
      async () => answer(200),
    );
    await expect(loadSurvey('https://c.example', 'career-outcomes', 'fr', 'FR')).rejects.toThrow(
      `GET ${url} answered 404; check the survey id and the endpoint`,
    );
    expect(fetch).toHaveBeenCalledOnce();
  });

  it('names the address when the collector is unreachable and no copy is kept', async () => {
    stubFetch(offline, offline);
    await expect(loadSurvey('https://c.example', 'career-outcomes', 'fr', 'FR')).rejects.toThrow(
      `outcome-survey: GET ${url} failed (TypeError: Failed to fetch) and this browser keeps no earlier copy`,
    );
  });

  it.each([
    ['id', { ...survey, id: 3 }],
    ['version', { ...survey, version: '3' }],
    ['questions', { ...survey, questions: undefined }],
  ])('refuses an answer whose %s is missing or of the wrong type, naming it', async (field, body) => {
    stubFetch(async () => answer(200, body), offline);
    await expect(loadSurvey('https://c.example', 'career-outcomes', 'fr', 'FR')).rejects.toThrow(
      `${field} is missing or of the wrong type`,
    );
  });
});
