import { describe, expect, it } from 'vitest';
import { ContactEvent, formatIssues, LEARNER_REF_RULE, ResponseStatus } from '../../protocol/index.ts';

const base = {
  id: '0190a5b2-7c3d-7e4f-8a1b-2c3d4e5f6a7b',
  surveyId: 'career-outcomes',
  surveyVersion: 1,
  at: '2026-01-31T12:00:00Z',
};

const errorsOf = (value: unknown) => {
  const parsed = ContactEvent.safeParse(value);
  return parsed.success ? [] : formatIssues(parsed.error.issues);
};

describe('ContactEvent', () => {
  it.each([
    ['shown with trigger and wave', { ...base, kind: 'shown', context: { trigger: 'waves', wave: 'm6' } }],
    ['started', { ...base, kind: 'started' }],
    ['progress with answered', { ...base, kind: 'progress', answered: 2 }],
    ['progress with answered and asked', { ...base, kind: 'progress', answered: 2, asked: 5 }],
    ['progress at zero answered', { ...base, kind: 'progress', answered: 0, asked: 1 }],
    ['dismissed "not now"', { ...base, kind: 'dismissed', reason: 'not_now' }],
    ['dismissed "never"', { ...base, kind: 'dismissed', reason: 'never' }],
    ['dismissed "closed"', { ...base, kind: 'dismissed', reason: 'closed' }],
    ['completed', { ...base, kind: 'completed' }],
    [
      'a signed learner with a full context',
      {
        ...base,
        kind: 'shown',
        learnerRef: 'ana@school.example',
        learnerSig: 'a'.repeat(64),
        context: { trigger: 'course_end', wave: 'once', courseId: 'c1', pathId: 'p1', cohort: '2026-01-web' },
      },
    ],
  ])('accepts %s', (_name, value) => {
    expect(errorsOf(value)).toEqual([]);
  });

  it.each([
    ['a bad id', { ...base, kind: 'shown', id: 'event-1' }, 'id', 'expected a UUID made on the client'],
    ['an unknown kind', { ...base, kind: 'clicked' }, 'kind', 'expected one of shown, started'],
    ['a local time', { ...base, kind: 'shown', at: '2026-01-31 12:00' }, 'at', 'expected an ISO 8601 UTC timestamp'],
    ['a version of 0', { ...base, kind: 'shown', surveyVersion: 0 }, 'surveyVersion', 'value >= 1'],
    ['a bad learnerRef', { ...base, kind: 'shown', learnerRef: 'a b' }, 'learnerRef', LEARNER_REF_RULE],
    ['an empty learnerSig', { ...base, kind: 'shown', learnerSig: '' }, 'learnerSig', 'length >= 1'],
    ['a bad cohort', { ...base, kind: 'shown', context: { cohort: 'Jan 2026' } }, 'context.cohort', 'cohort id'],
    ['a long wave', { ...base, kind: 'shown', context: { wave: 'm'.repeat(33) } }, 'context.wave', 'length <= 32'],
    [
      'an unknown context key',
      { ...base, kind: 'shown', context: { country: 'FR' } },
      'context',
      'unexpected key "country"',
    ],
    [
      'answers',
      { ...base, kind: 'completed', answers: { situation: 'employed' } },
      '(root)',
      'unexpected key "answers"',
    ],
    [
      'progress without answered',
      { ...base, kind: 'progress', asked: 3 },
      'answered',
      'a "progress" event needs answered',
    ],
    ['a negative answered', { ...base, kind: 'progress', answered: -1 }, 'answered', 'questions answered >= 0'],
    ['a fractional answered', { ...base, kind: 'progress', answered: 1.5 }, 'answered', 'whole number'],
    ['answered above asked', { ...base, kind: 'progress', answered: 4, asked: 3 }, 'answered', 'cannot exceed asked'],
    ['dismissed without reason', { ...base, kind: 'dismissed' }, 'reason', 'a "dismissed" event needs reason'],
    ['an unknown reason', { ...base, kind: 'dismissed', reason: 'later' }, 'reason', 'expected one of not_now'],
    ['answered on shown', { ...base, kind: 'shown', answered: 1 }, 'answered', 'a "shown" event carries no answered'],
    ['asked on completed', { ...base, kind: 'completed', asked: 5 }, 'asked', 'a "completed" event carries no asked'],
    [
      'reason on started',
      { ...base, kind: 'started', reason: 'never' },
      'reason',
      'a "started" event carries no reason',
    ],
    ['reason on progress', { ...base, kind: 'progress', answered: 1, reason: 'closed' }, 'reason', 'carries no reason'],
  ])('refuses %s, naming the path and the rule', (_name, value, path, message) => {
    const errors = errorsOf(value);
    expect(errors.map((e) => e.path)).toContain(path);
    expect(errors.find((e) => e.path === path)?.message).toContain(message);
  });
});

describe('ResponseStatus', () => {
  it.each(['partial', 'complete'])('accepts %j', (status) => {
    expect(ResponseStatus.safeParse(status).success).toBe(true);
  });

  it('refuses anything else, saying what is allowed', () => {
    const parsed = ResponseStatus.safeParse('done');
    expect(parsed.error?.issues[0].message).toContain('expected "partial"');
  });
});
