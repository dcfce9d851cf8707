import {
  COHORT_ID_PATTERN,
  COHORT_ID_RULE,
  type FieldError,
  SURVEY_ID_PATTERN,
  SURVEY_ID_RULE,
} from '../../protocol/index.ts';
import { AVAILABLE_WAVES, ONCE } from '../denominators/wave-schedule.ts';
import { languageProblem, learnerRefProblem } from './school-learner-rules.ts';
import type { SchoolLearner, SelectionOptions } from './select-invitees.ts';

// The body of POST /v1/invitations, checked at the boundary: every problem named by its path
// (learners[3].learner_ref), so the school fixes the whole body at once.

/** Learners per request: the answer holds one signed link each (about 200 bytes), about 2 MB at most. */
export const MAX_INVITATION_LEARNERS = 10_000;
/** Bytes of the body, as sent and after gzip: the learners at their longest refs fit, a bigger body is not this. */
export const MAX_INVITATION_BODY_BYTES = 4 * 1024 * 1024;
/** Problems reported per request; the count of the rest follows. */
const MAX_REPORTED = 100;

export type InvitationBody = {
  surveyId: string;
  cohortId: string;
  wave: string;
  learners: SchoolLearner[];
  options: SelectionOptions;
  dryRun: boolean;
};

export type InvitationBodyResult =
  | { ok: true; value: InvitationBody }
  | { ok: false; tooMany: boolean; errors: FieldError[]; more: number };

const TOP_KEYS = new Set([
  'survey',
  'cohort',
  'wave',
  'learners',
  'reminder',
  'dryRun',
  'maxReminders',
  'minSpacingDays',
]);
const LEARNER_KEYS = new Set(['learner_ref', 'language']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shown = (v: string) => JSON.stringify(v.length > 64 ? `${v.slice(0, 64)}…` : v);

export function parseInvitationBody(body: unknown): InvitationBodyResult {
  const errors: FieldError[] = [];
  let more = 0;
  const problem = (path: string, message: string) => {
    if (errors.length < MAX_REPORTED) errors.push({ path, message });
    else more++;
  };
  if (!isRecord(body)) {
    problem('(root)', 'expected a JSON object such as {"survey":"…","cohort":"…","wave":"m6","learners":[…]}');
    return { ok: false, tooMany: false, errors, more };
  }
  for (const key of Object.keys(body))
    if (!TOP_KEYS.has(key)) problem(key, `unexpected key: expected only ${[...TOP_KEYS].join(', ')}`);

  const text = (key: string, pattern: RegExp, rule: string, example: string): string => {
    const v = body[key];
    if (typeof v !== 'string') problem(key, `expected a string, such as ${example}`);
    else if (!pattern.test(v)) problem(key, `${shown(v)}: ${rule}`);
    return typeof v === 'string' ? v : '';
  };
  const surveyId = text('survey', SURVEY_ID_PATTERN, SURVEY_ID_RULE, '"career-outcomes"');
  const cohortId = text('cohort', COHORT_ID_PATTERN, COHORT_ID_RULE, '"2026-01-web"');
  const waves = [...AVAILABLE_WAVES, ONCE];
  const wave = body.wave;
  if (typeof wave !== 'string' || !waves.includes(wave as (typeof waves)[number]))
    problem('wave', `expected one of ${waves.join(', ')} (the survey's schedule says which are asked)`);

  const flag = (key: 'reminder' | 'dryRun') => {
    const v = body[key];
    if (v !== undefined && typeof v !== 'boolean') problem(key, 'expected true or false');
    return v === true;
  };
  const reminder = flag('reminder');
  const dryRun = flag('dryRun');
  const options: SelectionOptions = { reminder };
  const { maxReminders, minSpacingDays } = body;
  if (maxReminders !== undefined) {
    if (!(Number.isInteger(maxReminders) && (maxReminders as number) >= 0 && (maxReminders as number) <= 100))
      problem('maxReminders', 'expected a whole number from 0 to 100, such as 2');
    else options.maxReminders = maxReminders as number;
  }
  if (minSpacingDays !== undefined) {
    if (
      !(
        typeof minSpacingDays === 'number' &&
        Number.isFinite(minSpacingDays) &&
        minSpacingDays >= 0 &&
        minSpacingDays <= 3650
      )
    )
      problem('minSpacingDays', 'expected a number of days from 0 to 3650, such as 7');
    else options.minSpacingDays = minSpacingDays;
  }

  const learners: SchoolLearner[] = [];
  const list = body.learners;
  if (!Array.isArray(list)) {
    problem('learners', 'expected an array of {"learner_ref":"…","language":"fr"}');
  } else if (list.length > MAX_INVITATION_LEARNERS) {
    return {
      ok: false,
      tooMany: true,
      errors: [
        {
          path: 'learners',
          message: `${list.length} learners: at most ${MAX_INVITATION_LEARNERS} per request; send the list in parts (nothing was recorded)`,
        },
      ],
      more: 0,
    };
  } else {
    for (const [i, item] of list.entries()) {
      const at = `learners[${i}]`;
      if (!isRecord(item)) {
        problem(at, 'expected an object such as {"learner_ref":"…","language":"fr"}');
        continue;
      }
      for (const key of Object.keys(item))
        if (!LEARNER_KEYS.has(key))
          problem(
            `${at}.${key}`,
            key === 'email' || key === 'name'
              ? 'not taken over HTTP: the collector keeps no contact details; send e-mails yourself with the links, or use npm run invite -- --send'
              : 'unexpected key: expected only learner_ref and language',
          );
      const ref = item.learner_ref;
      const refProblem = typeof ref === 'string' ? learnerRefProblem(ref) : 'expected a string';
      if (refProblem) problem(`${at}.learner_ref`, refProblem);
      const language = item.language;
      if (language !== undefined) {
        const langProblem = typeof language === 'string' ? languageProblem(language) : 'expected a string such as "fr"';
        if (langProblem) problem(`${at}.language`, langProblem);
      }
      if (typeof ref === 'string')
        learners.push(typeof language === 'string' ? { learnerRef: ref, language } : { learnerRef: ref });
    }
  }
  if (errors.length > 0) return { ok: false, tooMany: false, errors, more };
  return { ok: true, value: { surveyId, cohortId, wave: wave as string, learners, options, dryRun } };
}
