import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSurvey, PREFER_NOT_TO_SAY, resolveSurvey, type SurveyDefinition } from '../../protocol/index.ts';

const LOCALES = ['en', 'fr', 'es', 'ar', 'uk', 'ja'];
const builtIn = readdirSync('surveys').filter((f) => f.endsWith('.json'));
const survey = JSON.parse(readFileSync('surveys/career-outcomes.json', 'utf8')) as SurveyDefinition;

const CAREER = ['situation', 'changes', 'helped', 'change_start', 'related'];
const ILO = ['ilo_worked', 'ilo_searched', 'ilo_available'];
const GB_ETHNICITY = [
  'ethnic_group_gb',
  'ethnic_asian_gb',
  'ethnic_black_gb',
  'ethnic_mixed_gb',
  'ethnic_white_gb',
  'ethnic_other_gb',
];
// Scotland's census 2022 list (two steps; its "Mixed" section has one box, so no second step),
// then Northern Ireland's census 2021 list (one step).
const SCT_NIR_ETHNICITY = [
  'ethnic_group_sct',
  'ethnic_white_sct',
  'ethnic_asian_sct',
  'ethnic_african_sct',
  'ethnic_caribbean_black_sct',
  'ethnic_other_sct',
  'ethnic_group_nir',
];

/** Every localized text of the definition, with where it sits. */
function texts(value: unknown, path = ''): [string, Record<string, string>][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.en === 'string') return [[path, record as Record<string, string>]];
  return Object.entries(record).flatMap(([k, v]) => texts(v, path ? `${path}.${k}` : k));
}

describe('built-in survey definitions', () => {
  it.each(builtIn)('%s validates', (file) => {
    const result = checkSurvey(JSON.parse(readFileSync(`surveys/${file}`, 'utf8')));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });
});

describe('career-outcomes', () => {
  it('keeps the id the demo embeds and declares the six UI languages', () => {
    expect(survey.id).toBe('career-outcomes');
    expect(survey.locales).toEqual(LOCALES);
  });

  it('has every string in every UI language', () => {
    const missing = texts(survey.questions.concat())
      .concat(texts({ title: survey.title, intro: survey.intro }))
      .flatMap(([path, t]) => LOCALES.filter((l) => !t[l]?.trim()).map((l) => `${path}: ${l}`));
    expect(missing).toEqual([]);
  });

  it.each([
    ['default', [...CAREER, ...ILO, 'area', 'diploma', 'wg_ss', 'protection_status', 'comment']],
    [
      'FR',
      [
        ...CAREER,
        'pay_band_eur',
        ...ILO,
        'pes_registered_fr',
        'area_fr',
        'diploma_fr',
        'wg_ss',
        'disability_recognition',
        'protection_status',
        'comment',
      ],
    ],
    [
      'GB',
      [
        ...CAREER,
        'pay_band_gbp',
        ...ILO,
        'area_gb',
        'diploma_gb',
        'gss_condition',
        'gss_reduces',
        'protection_status',
        'uk_nation',
        ...GB_ETHNICITY,
        ...SCT_NIR_ETHNICITY,
        'comment',
      ],
    ],
    [
      'US',
      [
        ...CAREER,
        'pay_band_usd',
        ...ILO,
        'area_us',
        'diploma_us',
        'wg_ss',
        'protection_status_us',
        'race_ethnicity_us',
        'comment',
      ],
    ],
    [
      'JP',
      [
        ...CAREER,
        'pay_band_jpy',
        ...ILO,
        'pes_registered_jp',
        'area_jp',
        'diploma_jp',
        'wg_ss',
        'disability_certificate',
        'protection_status_jp',
        'comment',
      ],
    ],
    ['DE', [...CAREER, ...ILO, 'area', 'diploma', 'wg_ss', 'protection_status', 'comment']],
  ])('the %s pack asks exactly these questions, in order', (country, ids) => {
    expect(
      resolveSurvey(survey, { country: country === 'default' ? undefined : country, locale: 'en' }).questions.map(
        (q) => q.id,
      ),
    ).toEqual(ids);
  });

  it.each(['FR', 'JP', 'DE', undefined])('never shows an ethnicity question in %s, in any language', (country) => {
    for (const locale of LOCALES) {
      const questions = resolveSurvey(survey, { country, locale }).questions;
      expect(questions.filter((q) => q.topic === 'ethnicity' || q.consentGroup)).toEqual([]);
    }
  });

  it('puts every ethnicity question behind its own consent', () => {
    const ethnic = survey.questions.filter((q) => q.topic === 'ethnicity');
    expect(ethnic.map((q) => q.id)).toEqual([...GB_ETHNICITY, ...SCT_NIR_ETHNICITY, 'race_ethnicity_us']);
    for (const q of ethnic) expect(q).toMatchObject({ sensitive: true, consentGroup: 'ethnicity' });
  });

  it.each([
    ['disability_recognition', 'FR'],
    ['disability_certificate', 'JP'],
  ])('asks %s in the %s pack only', (id, country) => {
    const packs = Object.entries(survey.packs ?? {}).filter(([, pack]) => pack.questions.includes(id));
    expect(packs.map(([name]) => name)).toEqual([country]);
  });

  it.each(['disability_recognition', 'disability_certificate'])(
    'asks %s as a multiple choice behind the general sensitive consent, "none" and "Prefer not to say" exclusive',
    (id) => {
      const q = survey.questions.find((x) => x.id === id);
      expect(q).toMatchObject({ kind: 'multiple_choice', topic: 'disability', sensitive: true });
      expect(q?.consentGroup).toBeUndefined();
      expect(q?.required).toBeUndefined();
      expect(q?.options?.slice(-2)).toMatchObject([
        { id: 'none', exclusive: true },
        { id: PREFER_NOT_TO_SAY, exclusive: true },
      ]);
    },
  );

  it('lets the US question take several answers, "Prefer not to say" being exclusive', () => {
    const q = survey.questions.find((x) => x.id === 'race_ethnicity_us');
    expect(q?.kind).toBe('multiple_choice');
    expect(q?.options?.at(-1)).toMatchObject({ id: PREFER_NOT_TO_SAY, exclusive: true });
  });

  it('makes every underserved question optional and sensitive, "Prefer not to say" last', () => {
    const underserved = survey.questions.filter((q) =>
      ['jobseeker', 'area', 'education', 'disability', 'refugee'].includes(q.topic ?? ''),
    );
    expect(underserved.length).toBeGreaterThan(15);
    for (const q of underserved) {
      expect(q.required, q.id).not.toBe(true);
      expect(q.sensitive, q.id).toBe(true);
      expect(q.options?.at(-1)?.id, q.id).toBe(PREFER_NOT_TO_SAY);
    }
  });

  it('asks area questions by self-identification with an official https link per country, never an address', () => {
    for (const id of ['area_fr', 'area_gb', 'area_us', 'area_jp']) {
      const q = survey.questions.find((x) => x.id === id);
      expect(q?.link?.href, id).toMatch(/^https:\/\//);
      expect(q?.kind, id).toBe('single_choice');
    }
    expect(survey.questions.some((q) => q.kind === 'free_text' && q.topic === 'area')).toBe(false);
  });

  it('keeps the Washington Group Short Set: six rows, four answers in order, no "disability" in the intro', () => {
    const wg = survey.questions.find((q) => q.id === 'wg_ss');
    expect(wg?.kind).toBe('grid');
    expect(wg?.rows?.map((r) => r.id)).toEqual([
      'wg_seeing',
      'wg_hearing',
      'wg_walking',
      'wg_cognition',
      'wg_selfcare',
      'wg_communication',
    ]);
    expect(wg?.options?.map((o) => o.label.en)).toEqual([
      'No, no difficulty',
      'Yes, some difficulty',
      'Yes, a lot of difficulty',
      'Cannot do at all',
      'Prefer not to say',
    ]);
    expect(Object.values(wg?.text ?? {}).join(' ')).not.toMatch(/disab|handicap|discapacidad|інвалід|障害|إعاقة/i);
  });

  it('shows "how much did it help" and "when" only after a change, and the ILO follow-ups only to those not working', () => {
    const r = resolveSurvey(survey, { country: 'FR', locale: 'fr' });
    const showIf = (id: string) => r.questions.find((q) => q.id === id)?.showIf;
    expect(showIf('helped')).toEqual([{ question: 'changes', answered: true, notIn: ['none'] }]);
    expect(showIf('change_start')).toEqual(showIf('helped'));
    expect(showIf('ilo_searched')).toEqual([{ question: 'ilo_worked', in: ['no'] }]);
    expect(showIf('ilo_available')).toContainEqual({ question: 'ilo_searched', in: ['yes'] });
  });
});
