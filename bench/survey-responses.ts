import { join } from 'node:path';
import { SurveyRegistry } from '../collector/surveys/survey-registry.ts';
import {
  checkResponse,
  isShown,
  PREFER_NOT_TO_SAY,
  resolveSurvey,
  type SurveyDefinition,
  type SurveyResponse,
  uuidv7,
} from '../protocol/index.ts';

export const SURVEY_ID = 'career-outcomes';
export const COUNTRY = 'FR';
export const LOCALE = 'fr';

export function latestSurvey(root: string): SurveyDefinition {
  const def = SurveyRegistry.fromFolder(join(root, 'surveys')).latest(SURVEY_ID);
  if (!def) throw new Error(`bench: surveys/ has no survey "${SURVEY_ID}"`);
  return def;
}

const cache = new WeakMap<SurveyDefinition, ReturnType<typeof resolveSurvey>['questions']>();
function resolved(def: SurveyDefinition) {
  const cached = cache.get(def);
  if (cached) return cached;
  const questions = resolveSurvey(def, { country: COUNTRY, locale: LOCALE }).questions;
  cache.set(def, questions);
  return questions;
}

const COMMENTS = ['', 'The course helped me a lot.', 'Merci !', '', 'More practice projects, please.'];

/**
 * A valid response to the survey's latest version, answered from its definition
 * (its questions change while we build), varied by `i` so compression is not flattered.
 */
export function makeResponse(def: SurveyDefinition, i: number, start = Date.UTC(2025, 0, 1)): SurveyResponse {
  const questions = resolved(def);
  const answers: SurveyResponse['answers'] = {};
  for (const q of questions) {
    if (!isShown(q, answers)) continue;
    const options = (q.options ?? []).map((o) => o.id).filter((id) => id !== PREFER_NOT_TO_SAY);
    const pick = options[i % Math.max(1, options.length)];
    if (q.kind === 'grid') for (const row of q.rows ?? []) answers[row.id] = pick;
    else if ((q.kind === 'single_choice' || q.kind === 'scale') && pick) answers[q.id] = pick;
    else if (q.kind === 'multiple_choice' && pick) answers[q.id] = [pick];
    else if (q.kind === 'number') answers[q.id] = q.min ?? 1;
    else if (q.kind === 'month_year') answers[q.id] = `2025-${String((i % 12) + 1).padStart(2, '0')}`;
    else if (q.kind === 'free_text' && COMMENTS[i % COMMENTS.length])
      answers[q.id] = COMMENTS[i % COMMENTS.length].slice(0, q.maxLength);
  }
  const at = start + i * 37_000;
  const response: SurveyResponse = {
    id: uuidv7(at),
    surveyId: def.id,
    surveyVersion: def.version,
    submittedAt: new Date(at).toISOString(),
    locale: LOCALE,
    country: COUNTRY,
    answers,
    consent: { sensitive: true, version: def.consentVersion ?? '1' },
    learnerRef: `learner-${i}`,
    context: { courseId: `course-${i % 40}`, trigger: 'course_end' },
  };
  return response;
}

/** Fails loudly if the generator no longer matches the survey, rather than benchmarking rejections. */
export function assertValid(def: SurveyDefinition, r: SurveyResponse): void {
  const errors = checkResponse(def, r);
  if (errors.length > 0)
    throw new Error(
      `bench: generated response is invalid for ${def.id} v${def.version}: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
}

export function makeBatch(def: SurveyDefinition, from: number, size: number): SurveyResponse[] {
  return Array.from({ length: size }, (_, k) => makeResponse(def, from + k));
}
