import { FLAG_NAMES, type Flags } from '../../collector/flags/flag.ts';
import type { StoredResponse } from '../../collector/storage/storage.ts';
import type { Option, SurveyDefinition } from '../../protocol/index.ts';

const opt = (id: string, en: string, fr?: string): Option => ({ id, label: fr ? { en, fr } : { en } });
const PNTS = opt('prefer_not_to_say', 'Prefer not to say', 'Je préfère ne pas répondre');

const V1: SurveyDefinition = {
  id: 'outcomes-test',
  version: 1,
  title: { en: 'Test outcomes', fr: 'Parcours (test)' },
  locales: ['en', 'fr'],
  questions: [
    {
      id: 'situation',
      kind: 'single_choice',
      topic: 'career',
      text: { en: 'Main situation?', fr: 'Situation ?' },
      options: [opt('employed', 'In paid work', 'En emploi'), opt('looking', 'Looking for work', 'En recherche')],
    },
    {
      id: 'changes',
      kind: 'multiple_choice',
      topic: 'career',
      text: { en: 'What changed?', fr: 'Qu’est-ce qui a changé ?' },
      options: [
        opt('new_job', 'New job'),
        opt('promotion', 'Promotion'),
        { ...opt('none', 'No change'), exclusive: true },
      ],
    },
    {
      id: 'helped',
      kind: 'scale',
      text: { en: 'Did it help?' },
      options: [opt('a_lot', 'A lot'), opt('not_at_all', 'Not at all')],
    },
    { id: 'comment', kind: 'free_text', maxLength: 500, text: { en: 'Anything else?', fr: 'Autre chose ?' } },
    { id: 'pay_change', kind: 'number', text: { en: 'Change in monthly pay (EUR)' } },
    { id: 'started', kind: 'month_year', text: { en: 'When did it start?' } },
    {
      id: 'wg',
      kind: 'grid',
      topic: 'disability',
      sensitive: true,
      text: { en: 'Do you have difficulty', fr: 'Avez-vous des difficultés' },
      rows: [
        { id: 'wg_seeing', text: { en: 'seeing?', fr: 'à voir ?' } },
        { id: 'wg_walking', text: { en: 'walking?' } },
      ],
      options: [opt('no', 'No difficulty'), opt('a_lot', 'A lot of difficulty'), PNTS],
    },
    {
      id: 'refugee',
      kind: 'single_choice',
      topic: 'refugee',
      sensitive: true,
      text: { en: 'Refugee status?' },
      options: [opt('yes', 'Yes'), opt('no', 'No'), PNTS],
    },
  ],
};

/** Version 2 adds an option to `changes` and a question: existing columns must keep their names and places. */
const V2: SurveyDefinition = {
  ...V1,
  version: 2,
  questions: [
    ...V1.questions.map((q) =>
      q.id === 'changes' ? { ...q, options: [...(q.options ?? []), opt('apprenticeship', 'Apprenticeship')] } : q,
    ),
    {
      id: 'in_field',
      kind: 'single_choice',
      text: { en: 'Uses what you learned?' },
      options: [opt('yes', 'Yes'), opt('no', 'No')],
    },
  ],
};

export const TEST_SURVEYS: SurveyDefinition[] = [V1, V2];
export const COUNTRIES = ['FR', 'GB', 'US', 'KE', 'JP'] as const;

/** Texts that break naive CSV writers, placed at known rows. */
export const TRICKY_COMMENTS: Record<number, string> = {
  7: 'Merci, "vraiment"\nune ligne 🎉 de plus',
  13: '=HYPERLINK("http://evil.example","click")',
  21: '-3',
  34: '@SUM(1;2)',
};

/** A deterministic, cheap stored response number i (no randomness: tests can predict every value). */
export function generateResponse(i: number, start = Date.UTC(2024, 0, 1), stepMs = 60_000): StoredResponse {
  const h = (i * 2654435761) >>> 0;
  const version = i % 3 === 0 ? 2 : 1;
  const at = new Date(start + i * stepMs).toISOString();
  const consent = h % 4 !== 0;
  const refugee = consent ? (['yes', 'no', 'no', 'prefer_not_to_say'] as const)[h % 4] : undefined;
  const answers: StoredResponse['answers'] = {
    situation: h % 5 === 0 ? 'looking' : 'employed',
    changes: h % 7 === 0 ? ['none'] : h % 2 ? ['new_job'] : ['new_job', 'promotion'],
    helped: h % 6 === 0 ? 'not_at_all' : 'a_lot',
    pay_change: (h % 11) * 50 - 100,
    started: `2024-${String((i % 12) + 1).padStart(2, '0')}`,
  };
  if (TRICKY_COMMENTS[i % 1000] !== undefined) answers.comment = TRICKY_COMMENTS[i % 1000];
  else if (i % 4 === 0) answers.comment = `comment ${i}`;
  if (version === 2) answers.in_field = h % 3 ? 'yes' : 'no';
  const sensitiveAnswers: StoredResponse['answers'] = consent
    ? { wg_seeing: h % 9 === 0 ? 'a_lot' : 'no', refugee: refugee as string }
    : {};
  const career = answers.helped === 'a_lot' && !(answers.changes as string[]).includes('none');
  const flags = Object.fromEntries(FLAG_NAMES.map((n) => [n, { value: null, rule: `${n}/v1` }])) as Flags;
  flags.career_outcome.value = career;
  if (consent) {
    flags.refugee.value = refugee === 'prefer_not_to_say' ? null : refugee === 'yes';
    flags.disability.value = sensitiveAnswers.wg_seeing === 'a_lot';
    flags.any_underserved.value =
      flags.refugee.value === true || flags.disability.value ? true : flags.refugee.value === null ? null : false;
  }
  return {
    id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    surveyId: V1.id,
    surveyVersion: version,
    submittedAt: at,
    receivedAt: at,
    locale: h % 2 ? 'fr' : 'en',
    country: COUNTRIES[i % COUNTRIES.length],
    consent: { sensitive: consent, version: '1' },
    siteKey: 'test-site',
    learnerHash: `hash-${i}`,
    answers,
    sensitiveAnswers,
    flags,
    contentHash: `content-${i}`,
  };
}

export function* generateResponses(n: number, start?: number, stepMs?: number): Generator<StoredResponse> {
  for (let i = 0; i < n; i++) yield generateResponse(i, start, stepMs);
}
