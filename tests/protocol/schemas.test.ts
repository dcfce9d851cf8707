import { describe, expect, it } from 'vitest';
import {
  Ack,
  BatchEnvelope,
  EligibilityRequest,
  formatIssues,
  SurveyDefinition,
  SurveyResponse,
} from '../../protocol/index.ts';

// The example record of DESIGN.md ("SurveyResponse").
const response = {
  id: '0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b',
  surveyId: 'career-outcomes',
  surveyVersion: 1,
  submittedAt: '2026-01-31T12:00:00Z',
  locale: 'fr',
  country: 'FR',
  answers: { situation: 'employed', changes: ['new_job', 'pay_rise'], change_start: '2025-09' },
  consent: { sensitive: false, version: '1' },
  learnerRef: 'opaque-id',
  context: { courseId: 'c1', trigger: 'course_end' },
};

const errorsOf = (
  schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: unknown[] } } },
  value: unknown,
) => {
  const r = schema.safeParse(value);
  return r.success ? [] : formatIssues(r.error?.issues as never);
};

describe('SurveyResponse', () => {
  it('accepts the documented example', () => {
    expect(SurveyResponse.safeParse(response).success).toBe(true);
  });

  it.each([
    ['id', { ...response, id: 'not-a-uuid' }, 'id'],
    ['country', { ...response, country: 'France' }, 'country'],
    ['submittedAt', { ...response, submittedAt: 'yesterday' }, 'submittedAt'],
    ['consent.sensitive', { ...response, consent: { version: '1' } }, 'consent.sensitive'],
    ['an answer', { ...response, answers: { situation: { nested: true } } }, 'answers.situation'],
    ['an extra key', { ...response, extra: 1 }, '(root)'],
  ])('rejects a bad %s, naming the path', (_name, value, path) => {
    expect(errorsOf(SurveyResponse, value).map((e) => e.path)).toContain(path);
  });
});

describe('learnerSig', () => {
  const sig = 'a'.repeat(64);
  const ask = { siteKey: 'k', learnerRef: 'opaque-id', surveyId: 'career-outcomes' };

  it.each([
    ['SurveyResponse', SurveyResponse, response],
    ['EligibilityRequest', EligibilityRequest, ask],
  ] as const)('%s carries it beside learnerRef, optionally', (_name, schema, value) => {
    expect(schema.safeParse(value).success).toBe(true);
    expect(schema.safeParse({ ...value, learnerSig: sig }).success).toBe(true);
  });

  it.each([
    ['SurveyResponse', SurveyResponse, response],
    ['EligibilityRequest', EligibilityRequest, ask],
  ] as const)('%s refuses an empty or oversized one, naming learnerSig', (_name, schema, value) => {
    expect(errorsOf(schema, { ...value, learnerSig: '' }).map((e) => e.path)).toEqual(['learnerSig']);
    expect(errorsOf(schema, { ...value, learnerSig: 'x'.repeat(257) }).map((e) => e.path)).toEqual(['learnerSig']);
  });
});

describe('BatchEnvelope and Ack', () => {
  it('accepts the documented envelope and ack', () => {
    expect(BatchEnvelope.safeParse({ siteKey: 'KEY', responses: [response] }).success).toBe(true);
    expect(
      Ack.safeParse({
        accepted: ['a'],
        duplicate: [],
        rejected: [{ id: 'b', errors: [{ path: 'answers.x', message: 'm' }] }],
      }).success,
    ).toBe(true);
  });

  it('rejects an envelope without a site key, naming the path', () => {
    expect(errorsOf(BatchEnvelope, { siteKey: '', responses: [] })).toEqual([
      { path: 'siteKey', message: 'expected length >= 1' },
    ]);
  });
});

describe('SurveyDefinition', () => {
  it.each([
    ['a locale tag', { locales: ['english'] }, 'locales[0]'],
    ['a question kind', { questions: [{ id: 'q', kind: 'dropdown', text: { en: 'Q' } }] }, 'questions[0].kind'],
    [
      'a consent group',
      { questions: [{ id: 'q', kind: 'free_text', text: { en: 'Q' }, consentGroup: 'religion' }] },
      'questions[0].consentGroup',
    ],
  ])('rejects a bad %s, naming the path', (_name, patch, path) => {
    const def = {
      id: 's',
      version: 1,
      title: { en: 'S' },
      questions: [{ id: 'q', kind: 'free_text', text: { en: 'Q' } }],
      ...patch,
    };
    expect(errorsOf(SurveyDefinition, def).map((e) => e.path)).toEqual([path]);
  });
});
