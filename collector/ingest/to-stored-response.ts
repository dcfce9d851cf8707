import {
  type FieldError,
  formatIssues,
  responseIssues,
  type SurveyDefinition,
  SurveyResponse,
} from '../../protocol/index.ts';
import { deriveFlags } from '../flags/derive-flags.ts';
import { judgedLink, type LinkContext, linkedContext, linkedLearner } from '../links/judged-link.ts';
import type { StoredResponse } from '../storage/storage.ts';
import type { SurveyRegistry } from '../surveys/survey-registry.ts';
import { contentHash } from './content-hash.ts';
import { findUnsafeKey } from './find-unsafe-key.ts';
import { judgedLearner } from './judged-learner.ts';
import type { RejectionReason } from './rejection-reason.ts';
import { submittedAtProblem } from './submitted-at-window.ts';
import { unknownSurveyProblem } from './unknown-survey-problem.ts';

export type IngestContext = Omit<LinkContext, 'receivedAt'> & {
  surveys: SurveyRegistry;
  learnerRefSecret: string;
  includeAsylumSeekers: boolean;
  siteKey: string;
  /** The site key's learnerSecret: set, a learnerRef without its signature is dropped and the response flagged. */
  learnerSecret?: string | undefined;
  receivedAt: string;
  /** Also the earliest submittedAt accepted (collector/ingest/submitted-at-window.ts). */
  retentionMonths: number;
};

// Once per survey version rather than once per item (issue 20's ingest profile); definitions are never changed.
const sensitiveByDefinition = new WeakMap<SurveyDefinition, ReadonlySet<string>>();

/** The answer ids (questions and grid rows) kept in sensitive_answers. */
function sensitiveAnswerIds(survey: SurveyDefinition): ReadonlySet<string> {
  let ids = sensitiveByDefinition.get(survey);
  if (!ids) {
    ids = new Set(
      survey.questions.filter((q) => q.sensitive).flatMap((q) => [q.id, ...(q.rows ?? []).map((row) => row.id)]),
    );
    sensitiveByDefinition.set(survey, ids);
  }
  return ids;
}

export type Prepared =
  | { ok: true; record: StoredResponse }
  | { ok: false; errors: FieldError[]; reason: RejectionReason };

/** One item of a batch: validated, checked against its survey version, split, hashed and flagged. */
export function toStoredResponse(item: unknown, at: string, ctx: IngestContext): Prepared {
  const unsafe = findUnsafeKey(item, at);
  if (unsafe) return { ok: false, errors: [unsafe], reason: 'unsafe_key' };
  const parsed = SurveyResponse.safeParse(item);
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error.issues, [at]), reason: 'invalid_shape' };
  const r = parsed.data;
  const outOfWindow = submittedAtProblem(r.submittedAt, at, ctx);
  if (outOfWindow) return { ok: false, errors: [outOfWindow], reason: 'submitted_at_out_of_range' };
  const linked = judgedLink(
    r.link,
    { surveyId: r.surveyId, when: r.submittedAt, whenKey: 'submittedAt', trigger: r.context?.trigger },
    at,
    ctx,
  );
  if (linked && !linked.ok) return { ok: false, errors: [linked.error], reason: linked.reason };
  const survey = ctx.surveys.get(r.surveyId, r.surveyVersion);
  if (!survey)
    return {
      ok: false,
      errors: [unknownSurveyProblem(r.surveyId, r.surveyVersion, at, ctx.surveys)],
      reason: 'unknown_survey',
    };
  const problems = responseIssues(survey, r);
  if (problems.length)
    return {
      ok: false,
      errors: problems.map((e) => ({ path: `${at}.${e.path}`, message: e.message })),
      // By code: rewording a message must not move a rejection from one count to another.
      reason: problems.some((e) => e.code === 'consent_missing') ? 'consent_missing' : 'answer_invalid',
    };

  const sensitiveIds = sensitiveAnswerIds(survey);
  // The signature proves the ref and is then dropped: it is never stored.
  const { learnerRef, learnerSig, link: _link, answers, context, ...rest } = r;
  const plain: StoredResponse['answers'] = {};
  const sensitive: StoredResponse['answers'] = {};
  for (const id of Object.keys(answers)) (sensitiveIds.has(id) ? sensitive : plain)[id] = answers[id];
  const record: StoredResponse = {
    ...rest,
    ...(linked ? { context: { ...context, ...linkedContext(linked.payload) } } : context ? { context } : {}),
    receivedAt: ctx.receivedAt,
    siteKey: ctx.siteKey,
    answers: plain,
    sensitiveAnswers: sensitive,
    flags: deriveFlags(survey, r, { includeAsylumSeekers: ctx.includeAsylumSeekers }),
    contentHash: contentHash(item),
    ...(linked ? linkedLearner(linked.payload) : judgedLearner(learnerRef, learnerSig, ctx)),
  };
  return { ok: true, record };
}
