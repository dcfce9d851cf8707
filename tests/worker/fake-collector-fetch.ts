import { gunzipSync } from 'node:zlib';
import type { ContactEvent } from '../../protocol/contact-event.ts';
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

export function makeEvent(overrides: Partial<ContactEvent> = {}, at = Date.now()): ContactEvent {
  return {
    id: uuidv7(at),
    kind: 'shown',
    surveyId: 'career-outcomes',
    surveyVersion: 1,
    at: new Date(at).toISOString(),
    ...overrides,
  } as ContactEvent;
}

type Reply = (responses: SurveyResponse[], events: ContactEvent[]) => Response | Promise<Response>;

/** A fetch that records every batch (gunzipped) and answers with `reply`. */
export function fakeFetch(reply: Reply) {
  const batches: {
    url: string;
    encoding: string | null;
    siteKey: string;
    responses: SurveyResponse[];
    events?: ContactEvent[];
  }[] = [];
  const fn = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const raw = Buffer.from(init?.body as ArrayBuffer);
    const json = headers.get('content-encoding') === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
    const body = JSON.parse(json) as { siteKey: string; responses: SurveyResponse[]; events?: ContactEvent[] };
    batches.push({ url: String(url), encoding: headers.get('content-encoding'), ...body });
    return reply(body.responses, body.events ?? []);
  };
  return { fetch: fn as typeof fetch, batches };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** Acknowledges every response and contact event, as the collector does once it stores events. */
export const acceptAll = (rs: SurveyResponse[], es: ContactEvent[] = []): Response =>
  json(200, { accepted: [...rs, ...es].map((r) => r.id), duplicate: [], rejected: [] });
