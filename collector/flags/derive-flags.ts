import { questionsFor, type SurveyDefinition, type SurveyResponse } from '../../protocol/index.ts';
import { anyUnderserved } from './any-underserved.ts';
import { careerOutcome } from './career-outcome.ts';
import { disability } from './disability.ts';
import { disabilityNational } from './disability-national.ts';
import type { Flags } from './flag.ts';
import { jobseeker, jobseekerIlo } from './jobseeker.ts';
import { lowEducation, lowEducationNational } from './low-education.ts';
import { Q } from './question-ids.ts';
import { refugee } from './refugee.ts';
import { underservedArea } from './underserved-area.ts';

export type FlagSettings = { includeAsylumSeekers: boolean };

/** research/domain.md §6 leaves it to a setting; the sketch there counts pending asylum by default. */
export const DEFAULT_FLAG_SETTINGS: FlagSettings = { includeAsylumSeekers: true };

// Once per survey version and country, not once per response (issue 20's ingest profile).
const askedByDefinition = new WeakMap<SurveyDefinition, Map<string, ReadonlySet<string>>>();

function askedIds(survey: SurveyDefinition, country: string | undefined): ReadonlySet<string> {
  let byCountry = askedByDefinition.get(survey);
  if (!byCountry) {
    byCountry = new Map();
    askedByDefinition.set(survey, byCountry);
  }
  const key = country ?? '';
  let asked = byCountry.get(key);
  if (!asked) {
    asked = new Set(questionsFor(survey, country).map((q) => q.id));
    byCountry.set(key, asked);
  }
  return asked;
}

/** Every derived flag for one response, from the questions its country pack asks. Pure. */
export function deriveFlags(
  survey: SurveyDefinition,
  r: SurveyResponse,
  settings: FlagSettings = DEFAULT_FLAG_SETTINGS,
): Flags {
  const asked = askedIds(survey, r.country);
  const a = r.answers;
  const groups = {
    jobseeker: jobseeker(
      a,
      Q.pesRegistered.some((id) => asked.has(id)),
    ),
    underserved_area: underservedArea(a),
    low_education: lowEducation(a),
    disability: disability(a, asked.has(Q.gssCondition) ? 'gss' : 'wg-ss'),
    refugee: refugee(a, settings.includeAsylumSeekers),
  };
  return {
    career_outcome: careerOutcome(a),
    jobseeker_ilo: jobseekerIlo(a),
    low_education_national: lowEducationNational(a),
    // Outside the groups, like low_education_national: a country's own rule must not change the
    // cross-country any_underserved, which the WG-SS/GSS `disability` already feeds.
    disability_national: disabilityNational(a, (id) => asked.has(id)),
    ...groups,
    any_underserved: anyUnderserved(Object.values(groups)),
  };
}
