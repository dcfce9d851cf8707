import { FLAG_NAMES, type FlagName, type Flags } from '../../../collector/flags/flag.ts';
import { buildImpact, type ImpactSettings } from '../../../collector/impact/build-impact.ts';
import type { ImpactQuery } from '../../../collector/impact/impact-query.ts';
import type { StoredMember } from '../../../collector/storage/denominator-storage.ts';
import type { Storage, StoredResponse } from '../../../collector/storage/storage.ts';
import { SurveyRegistry } from '../../../collector/surveys/survey-registry.ts';
import { MemoryStorage } from '../../support/memory-storage.ts';

/** The built-in survey: its ethnic questions and option ids are what the figures read. */
export const SURVEYS = SurveyRegistry.fromFolder('surveys');
export const SURVEY = 'career-outcomes';
/** Exact counts: no threshold, no rounding, a rate on any base, so a table's expectation is its arithmetic. */
export const EXACT = { minCell: 1, roundTo: 1, minPercentBase: 1 };
export const NOW = new Date('2027-02-01T00:00:00.000Z');

/** One response as the figures read it: its flags set directly, the answers the definitions look at. */
export type Answer = {
  learner?: string;
  outcome?: boolean | null;
  groups?: Partial<Record<FlagName, boolean | null>>;
  situation?: string;
  related?: string;
  wave?: string;
  country?: string;
  courseId?: string;
  pathId?: string;
  cohort?: string;
  sensitive?: Record<string, string | string[]>;
  at?: string;
  id?: string;
  status?: 'partial';
};

let counter = 0;
export const responseId = (n = ++counter) => `01900000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

export function stored(a: Answer): StoredResponse {
  const flags = Object.fromEntries(FLAG_NAMES.map((n) => [n, { value: null, rule: 'test@1' }])) as Flags;
  flags.career_outcome.value = a.outcome ?? null;
  for (const [name, value] of Object.entries(a.groups ?? {})) flags[name as FlagName].value = value;
  const at = a.at ?? '2026-06-15T10:00:00.000Z';
  const context: NonNullable<StoredResponse['context']> = {};
  if (a.wave) context.wave = a.wave;
  if (a.courseId) context.courseId = a.courseId;
  if (a.pathId) context.pathId = a.pathId;
  if (a.cohort) context.cohort = a.cohort;
  const answers: StoredResponse['answers'] = {};
  if (a.situation) answers.situation = a.situation;
  if (a.related) answers.related = a.related;
  const r: StoredResponse = {
    id: a.id ?? responseId(),
    surveyId: SURVEY,
    surveyVersion: 1,
    submittedAt: at,
    receivedAt: at,
    locale: 'en',
    answers,
    sensitiveAnswers: a.sensitive ?? {},
    consent: { sensitive: true, version: '1' },
    siteKey: 'site-a',
    flags,
    contentHash: `hash-${counter}`,
  };
  if (a.status) r.status = a.status;
  if (a.country) r.country = a.country;
  if (a.learner) r.learnerHash = a.learner;
  if (Object.keys(context).length > 0) r.context = context;
  return r;
}

export const member = (learnerHash: string, extra: Partial<StoredMember> = {}): StoredMember => ({
  learnerHash,
  completedAt: '2026-03-31',
  attrs: {},
  ...extra,
});

/** Storage holding the given rosters and responses. */
export async function storageWith(
  answers: readonly Answer[],
  rosters: Record<string, StoredMember[]> = {},
): Promise<MemoryStorage> {
  const storage = new MemoryStorage();
  for (const [cohort, members] of Object.entries(rosters))
    await storage.importRoster(cohort, members, '2026-01-01T00:00:00.000Z');
  await storage.insert(answers.map(stored));
  return storage;
}

export async function impactOf(
  storage: Storage,
  query: Partial<ImpactQuery> = {},
  settings: Partial<ImpactSettings> = {},
) {
  return buildImpact(
    { storage, surveys: SURVEYS, settings: { ...EXACT, ...settings } },
    { surveyId: SURVEY, year: 2026, ...query },
    NOW,
  );
}

/** n answers alike, learners `${prefix}0`…, for tables that need counts. */
export const many = (n: number, prefix: string, a: Answer): Answer[] =>
  Array.from({ length: n }, (_, i) => ({ ...a, learner: `${prefix}${i}` }));
