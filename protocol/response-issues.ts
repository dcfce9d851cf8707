import type { FieldError } from './format-issues.ts';
import { PREFER_NOT_TO_SAY, type SurveyDefinition } from './survey-definition.ts';
import type { SurveyResponse } from './survey-response.ts';

/** "Prefer not to say", alone, as a single or multiple choice: it reveals nothing. */
const declined = (value: unknown) =>
  value === PREFER_NOT_TO_SAY || (Array.isArray(value) && value.length === 1 && value[0] === PREFER_NOT_TO_SAY);

/**
 * What can be wrong with a well-formed response against its survey version, as a code the collector
 * decides by (rejection reason, metrics) and never by the message: unknown_question for an answer to a
 * question the version lacks, consent_missing for an answer its consent does not cover, answer_invalid for
 * an answer of the wrong kind or outside the question's options or range.
 */
export type ResponseIssueCode = 'unknown_question' | 'consent_missing' | 'answer_invalid';
export type ResponseIssue = FieldError & { code: ResponseIssueCode };

type QuestionCheck = {
  kind: string;
  options?: string[];
  sensitive?: boolean;
  consentGroup?: string;
  maxLength?: number;
  min?: number;
  max?: number;
};

// Built once per survey version, not once per response: a batch of 50 answers to one version rebuilt it 50 times
// (issue 20's ingest profile). Definitions are never changed once loaded, so the object is the key.
const checksByDefinition = new WeakMap<SurveyDefinition, Map<string, QuestionCheck>>();

function questionChecks(def: SurveyDefinition): Map<string, QuestionCheck> {
  const cached = checksByDefinition.get(def);
  if (cached) return cached;
  const byId = new Map<string, QuestionCheck>();
  for (const q of def.questions) {
    const options = q.options?.map((o) => o.id);
    if (q.kind === 'grid')
      for (const row of q.rows ?? [])
        byId.set(row.id, { kind: 'single_choice', options, sensitive: q.sensitive, consentGroup: q.consentGroup });
    else byId.set(q.id, { ...q, options });
  }
  checksByDefinition.set(def, byId);
  return byId;
}

/**
 * Checks a well-formed response against the survey version it claims:
 * answers only for questions that version has, of the right kind, and no
 * sensitive answer without sensitive consent, and no answer to a consent group's
 * question without that group's own consent ("prefer not to say" needs neither).
 */
export function responseIssues(def: SurveyDefinition, r: SurveyResponse): ResponseIssue[] {
  const errors: ResponseIssue[] = [];
  const byId = questionChecks(def);
  for (const [id, value] of Object.entries(r.answers)) {
    const at = `answers.${id}`;
    const q = byId.get(id);
    if (!q) {
      errors.push({
        path: at,
        code: 'unknown_question',
        message: `survey "${def.id}" version ${def.version} has no question "${id}"`,
      });
      continue;
    }
    if (q.sensitive && !r.consent.sensitive && !declined(value))
      errors.push({ path: at, code: 'consent_missing', message: 'sensitive answer without consent.sensitive = true' });
    if (q.consentGroup && !r.consent.groups?.includes(q.consentGroup) && !declined(value))
      errors.push({
        path: at,
        code: 'consent_missing',
        message: `answer in consent group "${q.consentGroup}" without "${q.consentGroup}" in consent.groups`,
      });
    // No closure per answer: under tsx's keepNames each one costs a defineProperty (issue 20's ingest profile).
    let invalid: string | undefined;
    switch (q.kind) {
      case 'single_choice':
      case 'scale':
        if (typeof value !== 'string' || !q.options?.includes(value))
          invalid = `expected one of ${q.options?.join(', ')}`;
        break;
      case 'multiple_choice':
        if (!Array.isArray(value) || value.some((v) => !q.options?.includes(v)))
          invalid = `expected a list of ${q.options?.join(', ')}`;
        else if (new Set(value).size !== value.length) invalid = 'expected each option at most once';
        break;
      case 'free_text':
        if (typeof value !== 'string') invalid = 'expected text';
        else if (q.maxLength && value.length > q.maxLength) invalid = `expected at most ${q.maxLength} characters`;
        break;
      case 'number':
        if (typeof value !== 'number') invalid = 'expected a number';
        else if ((q.min !== undefined && value < q.min) || (q.max !== undefined && value > q.max))
          invalid = `expected a number between ${q.min ?? '-∞'} and ${q.max ?? '∞'}`;
        break;
      case 'month_year':
        if (typeof value !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value))
          invalid = 'expected a month as YYYY-MM';
        break;
    }
    if (invalid !== undefined) errors.push({ path: at, code: 'answer_invalid', message: invalid });
  }
  return errors;
}
