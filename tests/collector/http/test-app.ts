import { gzipSync } from 'node:zlib';
import { appSettings, createApp } from '../../../collector/app.ts';
import { type Config, loadConfig } from '../../../collector/config/load-config.ts';
import { memoryLogger } from '../../../collector/logging/logger.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import type { SurveyDefinition, SurveyResponse } from '../../../protocol/index.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';

export const SITE_KEY = 'test-site';
export const ORIGIN = 'https://learn.example';
export const TOKEN = 'researcher-token-0123456789';

const en = (text: string) => ({ en: text });

/** A small survey with one sensitive question, so the split of answers shows. */
export const SURVEY: SurveyDefinition = {
  id: 'outcomes',
  version: 1,
  title: en('Outcomes'),
  questions: [
    {
      id: 'situation',
      kind: 'single_choice',
      topic: 'career',
      text: en('Situation?'),
      options: [
        { id: 'employed', label: en('Employed') },
        { id: 'looking', label: en('Looking') },
      ],
    },
    { id: 'comment', kind: 'free_text', maxLength: 280, text: en('Anything else?') },
    {
      id: 'disability',
      kind: 'single_choice',
      topic: 'disability',
      sensitive: true,
      text: en('Difficulty?'),
      options: [
        { id: 'no', label: en('No') },
        { id: 'yes', label: en('Yes') },
        { id: 'prefer_not_to_say', label: en('Prefer not to say') },
      ],
    },
  ],
};

let counter = 0;
/** A valid response with a fresh id (a UUID v7-shaped string that sorts by creation). */
export function response(overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  counter++;
  const tail = counter.toString(16).padStart(12, '0');
  return {
    id: `0190a0b0-0000-7000-8000-${tail}`,
    surveyId: 'outcomes',
    surveyVersion: 1,
    submittedAt: '2026-01-31T12:00:00Z',
    locale: 'en',
    country: 'FR',
    answers: { situation: 'employed' },
    consent: { sensitive: false, version: '1' },
    ...overrides,
  };
}

/** The learnerSecret of SITE_KEY (and of "other") in SIGNED_SITE_KEYS. */
export const LEARNER_SECRET = 'site-learner-secret-0123456789abcdef';
export const OTHER_LEARNER_SECRET = 'other-learner-secret-0123456789abcdef';
/** SITE_KEYS where both site keys sign their learnerRefs, as production should (issue 14). */
export const SIGNED_SITE_KEYS = JSON.stringify({
  [SITE_KEY]: { origins: [ORIGIN], learnerSecret: LEARNER_SECRET },
  other: { origins: ['https://other.example'], learnerSecret: OTHER_LEARNER_SECRET },
});

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    EXPORT_TOKEN: TOKEN,
    SITE_KEYS: JSON.stringify({ [SITE_KEY]: { origins: [ORIGIN] }, other: { origins: ['https://other.example'] } }),
    ...env,
  });
}

export function testApp(env: Record<string, string> = {}, now?: () => number) {
  const storage = new MemoryStorage();
  const config = testConfig(env);
  const log = memoryLogger();
  const deps = { storage, surveys: new SurveyRegistry([SURVEY]), settings: appSettings(config) };
  const app = createApp(deps, { config, log, now });
  return { app, storage, log, config };
}

export type PostOptions = { origin?: string | null; headers?: Record<string, string>; gzip?: boolean };

/** POSTs a batch (or any raw body) to /v1/responses the way the service worker does. */
export function post(app: ReturnType<typeof testApp>['app'], body: unknown, opts: PostOptions = {}) {
  const json = typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...opts.headers };
  if (opts.origin !== null) headers.origin = opts.origin ?? ORIGIN;
  let payload: string | Uint8Array<ArrayBuffer> = typeof json === 'string' ? json : new Uint8Array(json);
  if (opts.gzip) {
    payload = new Uint8Array(gzipSync(json));
    headers['content-encoding'] = 'gzip';
  }
  return app.request('/v1/responses', { method: 'POST', headers, body: payload });
}

export const batch = (...responses: unknown[]) => ({ siteKey: SITE_KEY, responses });
