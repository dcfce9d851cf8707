import { PREFER_NOT_TO_SAY } from '../../protocol/index.ts';
import type { Storage, StoredResponse } from '../storage/storage.ts';
import { IMPACT_GROUPS, type ImpactGroup } from './impact-groups.ts';
import { sentBytes } from './sent-bytes.ts';
import { yearRange } from './year-range.ts';

/** The ethnic-background questions, where a country pack asks one (GB's three nations, the US). */
export const ETHNIC_QUESTIONS = [
  'ethnic_group_gb',
  'ethnic_group_sct',
  'ethnic_group_nir',
  'race_ethnicity_us',
] as const;

/** One respondent of the year: what the figures read of its kept response, and every response id behind it. */
export type Respondent = {
  learnerHash?: string;
  /** Every response of the survey in the year from this learner, sorted: the evidence behind any count it is in. */
  responseIds: string[];
  careerOutcome: boolean | null;
  groups: Record<ImpactGroup, boolean | null>;
  /** The situation answered, undefined when unanswered or refused. */
  situation?: string;
  related?: string;
  wave?: string;
  country?: string;
  courseId?: string;
  pathId?: string;
  /** The cohort a personal link named (context.cohort). */
  cohort?: string;
  /** Ethnic-background answers by question: the chosen values (several for the US multiple choice). */
  ethnic: Partial<Record<(typeof ETHNIC_QUESTIONS)[number], string[]>>;
  keptAt: string;
  keptId: string;
};

export type YearResponses = {
  respondents: Respondent[];
  /** Responses read, and their bytes as sent once gzipped in total (the carbon figures). */
  responses: number;
  responseBytes: number;
  /** Waves (context.wave, "once" without one) with a response in the year. */
  waves: Set<string>;
};

const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

function toRespondent(r: StoredResponse): Omit<Respondent, 'responseIds'> {
  const situation = text(r.answers.situation);
  const ethnic: Respondent['ethnic'] = {};
  for (const q of ETHNIC_QUESTIONS) {
    const v = r.sensitiveAnswers[q] ?? r.answers[q];
    const values = typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x) => typeof x === 'string') : [];
    if (values.length > 0) ethnic[q] = values;
  }
  const out: Omit<Respondent, 'responseIds'> = {
    careerOutcome: r.flags.career_outcome?.value ?? null,
    groups: Object.fromEntries(IMPACT_GROUPS.map((g) => [g, r.flags[g]?.value ?? null])) as Respondent['groups'],
    ethnic,
    keptAt: r.submittedAt,
    keptId: r.id,
  };
  if (r.learnerHash !== undefined) out.learnerHash = r.learnerHash;
  if (situation !== undefined && situation !== PREFER_NOT_TO_SAY) out.situation = situation;
  const related = text(r.answers.related);
  if (related !== undefined) out.related = related;
  if (r.context?.wave) out.wave = r.context.wave;
  if (r.country !== undefined) out.country = r.country;
  if (r.context?.courseId) out.courseId = r.context.courseId;
  if (r.context?.pathId) out.pathId = r.context.pathId;
  if (r.context?.cohort) out.cohort = r.context.cohort;
  return out;
}

/**
 * The respondents of a survey in a year, from one pass over its responses (ordered by submittedAt, then id).
 * Memory is one small record per respondent (the few answers the figures need and the response ids), never one
 * per response. A learner's figures come from its latest response whose career outcome is known, else its latest.
 */
export async function yearRespondents(storage: Storage, surveyId: string, year: number): Promise<YearResponses> {
  const byLearner = new Map<string, Respondent>();
  const anonymous: Respondent[] = [];
  const waves = new Set<string>();
  let responses = 0;
  let responseBytes = 0;
  for await (const r of storage.responses({ surveyId, ...yearRange(year) })) {
    responses++;
    responseBytes += sentBytes(r);
    waves.add(r.context?.wave || 'once');
    const next = toRespondent(r);
    if (r.learnerHash === undefined) {
      anonymous.push({ ...next, responseIds: [r.id] });
      continue;
    }
    const kept = byLearner.get(r.learnerHash);
    if (kept === undefined) {
      byLearner.set(r.learnerHash, { ...next, responseIds: [r.id] });
      continue;
    }
    kept.responseIds.push(r.id);
    // Later in the stream is later in time: it replaces the kept one unless only the kept one knows the outcome.
    if (next.careerOutcome !== null || kept.careerOutcome === null)
      byLearner.set(r.learnerHash, { ...next, responseIds: kept.responseIds });
  }
  const respondents = [...byLearner.values(), ...anonymous];
  for (const r of respondents) r.responseIds.sort();
  return { respondents, responses, responseBytes, waves };
}
