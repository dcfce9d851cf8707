import { gunzipSync } from 'node:zlib';
import type { SurveyResponse } from '../../protocol/index.ts';
import { uuidv7 } from '../../protocol/index.ts';

export const to = { endpoint: 'https://collector.test', siteKey: 'site-1' };

export function makeResponse(overrides: Partial<SurveyResponse> = {}, at = Date.now()): SurveyResponse {
  return {
    id: uuidv7(at),
    surveyId: 'career-outcomes',
    surveyVersion: 1,
    submittedAt: new Date(at).toISOString(),
    locale: 'en',
    answers: { situation: 'employed' },
    consent: { sensitive: false, version: '1' },
    ...overrides,
  };
}

type Reply = (responses: SurveyResponse[]) => Response | Promise<Response>;

/** A fetch that records every batch (gunzipped) and answers with `reply`. */
export function fakeFetch(reply: Reply) {
  const batches: { url: string; encoding: string | null; siteKey: string; responses: SurveyResponse[] }[] = [];
  const fn = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const raw = Buffer.from(init?.body as ArrayBuffer);
    const json = headers.get('content-encoding') === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
    const body = JSON.parse(json) as { siteKey: string; responses: SurveyResponse[] };
    batches.push({ url: String(url), encoding: headers.get('content-encoding'), ...body });
    return reply(body.responses);
  };
  return { fetch: fn as typeof fetch, batches };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const acceptAll: Reply = (rs) => json(200, { accepted: rs.map((r) => r.id), duplicate: [], rejected: [] });
