import { FLAG_NAMES, type Flags } from '../../../collector/flags/flag.ts';
import type { StoredResponse } from '../../../collector/storage/storage.ts';

let counter = 0;

/** A unique, valid-looking UUID; `n` fixes the order of ids when a test needs it. */
export function testId(n = ++counter): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function unknownFlags(): Flags {
  return Object.fromEntries(FLAG_NAMES.map((n) => [n, { value: null, rule: 'test-1' }])) as Flags;
}

/** A minimal stored response: no country, context or learner; override what the test is about. */
export function makeRecord(overrides: Partial<StoredResponse> = {}): StoredResponse {
  return {
    id: testId(),
    surveyId: 'career-outcomes',
    surveyVersion: 1,
    submittedAt: '2026-03-01T10:00:00.000Z',
    locale: 'fr',
    answers: {},
    consent: { sensitive: false, version: 'c1' },
    receivedAt: '2026-03-01T10:00:05.000Z',
    siteKey: 'site-a',
    sensitiveAnswers: {},
    flags: unknownFlags(),
    contentHash: 'hash-a',
    ...overrides,
  };
}

/** Every field set, with the awkward values a careless adapter would mangle. */
export function makeFullRecord(overrides: Partial<StoredResponse> = {}): StoredResponse {
  return makeRecord({
    submittedAt: '2026-03-01T10:00:00Z',
    country: 'FR',
    locale: 'fr-FR',
    learnerHash: 'lh-full',
    learnerRefStatus: 'verified',
    context: { courseId: 'c-1', pathId: 'p-1', trigger: 'course_end', wave: '6m' },
    // JSON.parse makes "__proto__" an ordinary key, as it arrives over the wire.
    answers: JSON.parse(
      '{"outcome":["new_job","promotion"],"helped":4,"comment":"çà « » \\"quoted\\" \\\\ 💼\\n","__proto__":"x"}',
    ),
    consent: { sensitive: true, version: '2026-01' },
    sensitiveAnswers: { jobseeker: 'prefer_not_to_say', disability_seeing: 'some_difficulty', education: 'isced_2' },
    flags: {
      ...unknownFlags(),
      career_outcome: { value: true, rule: 'career-outcome-2' },
      jobseeker: { value: null, rule: 'jobseeker-1' },
      low_education: { value: true, rule: 'isced-1' },
      disability: { value: false, rule: 'wg-ss-1' },
      any_underserved: { value: true, rule: 'any-1' },
    },
    contentHash: 'sha256-full',
    ...overrides,
  });
}
