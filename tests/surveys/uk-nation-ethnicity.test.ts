import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSurvey, isShown, resolveSurvey, type SurveyDefinition } from '../../protocol/index.ts';
import { type Answers, flowPath, groupStep } from '../../widget/ui/flow/flow-path.ts';

// The GB pack asks the ethnic group list of the learner's own nation's census
// (research/domain.md §7): Scotland (2022) and Northern Ireland (2021) differ from
// England and Wales (2021), which stays the list for everyone else.
const survey = JSON.parse(readFileSync('surveys/career-outcomes.json', 'utf8')) as SurveyDefinition;
const gb = resolveSurvey(survey, { country: 'GB', locale: 'en' }).questions;
const NATION_IDS = [
  'uk_nation',
  'ethnic_group_sct',
  'ethnic_white_sct',
  'ethnic_asian_sct',
  'ethnic_african_sct',
  'ethnic_caribbean_black_sct',
  'ethnic_other_sct',
  'ethnic_group_nir',
];
const FIRST_STEPS = ['ethnic_group_gb', 'ethnic_group_sct', 'ethnic_group_nir'];

const shown = (answers: Answers) => gb.filter((q) => q.topic === 'ethnicity' && isShown(q, answers)).map((q) => q.id);

describe('the ethnic group list by UK nation', () => {
  it.each<[string, string, string | undefined]>([
    ['England', 'ethnic_group_gb', 'england'],
    ['Wales', 'ethnic_group_gb', 'wales'],
    ['Scotland', 'ethnic_group_sct', 'scotland'],
    ['Northern Ireland', 'ethnic_group_nir', 'northern_ireland'],
    ['"Prefer not to say"', 'ethnic_group_gb', 'prefer_not_to_say'],
    ['nothing', 'ethnic_group_gb', undefined],
  ])('asks a learner who answers %s the list %s', (_, expected, nation) => {
    const answers: Answers = nation ? { uk_nation: nation } : {};
    expect(shown(answers).filter((id) => FIRST_STEPS.includes(id))).toEqual([expected]);
  });

  it.each<[string, Answers, string[]]>([
    ['White, in Scotland', { uk_nation: 'scotland', ethnic_group_sct: 'white' }, ['ethnic_white_sct']],
    ['Asian, in Scotland', { uk_nation: 'scotland', ethnic_group_sct: 'asian' }, ['ethnic_asian_sct']],
    ['African, in Scotland', { uk_nation: 'scotland', ethnic_group_sct: 'african' }, ['ethnic_african_sct']],
    [
      'Caribbean or Black, in Scotland',
      { uk_nation: 'scotland', ethnic_group_sct: 'caribbean_black' },
      ['ethnic_caribbean_black_sct'],
    ],
    ['Other, in Scotland', { uk_nation: 'scotland', ethnic_group_sct: 'other' }, ['ethnic_other_sct']],
    ['Mixed, in Scotland (one census box, no second step)', { uk_nation: 'scotland', ethnic_group_sct: 'mixed' }, []],
    ['Asian, in Wales', { uk_nation: 'wales', ethnic_group_gb: 'asian' }, ['ethnic_asian_gb']],
    // An answer left over from before the learner changed their nation opens nothing.
    ['a stale England and Wales answer, in Scotland', { uk_nation: 'scotland', ethnic_group_gb: 'asian' }, []],
    ['a stale Scottish answer, in England', { uk_nation: 'england', ethnic_group_sct: 'white' }, []],
    ['a stale Scottish answer, in Northern Ireland', { uk_nation: 'northern_ireland', ethnic_group_sct: 'asian' }, []],
  ])('asks the second step that matches %s', (_, answers, expected) => {
    expect(shown(answers).filter((id) => !FIRST_STEPS.includes(id))).toEqual(expected);
  });

  it.each(['england', 'scotland', 'northern_ireland'])(
    'asks the nation before, and outside, the ethnicity consent (%s)',
    (nation) => {
      const path = flowPath(gb, { uk_nation: nation }, true);
      const nationAt = path.indexOf('uk_nation');
      expect(nationAt).toBeGreaterThanOrEqual(0);
      expect(path[nationAt + 1]).toBe(groupStep('ethnicity'));
      expect(flowPath(gb, { uk_nation: nation }, true, { ethnicity: false })).toContain('uk_nation');
    },
  );

  it('asks the nation plainly: not sensitive, no consent group, "Prefer not to say" last', () => {
    const q = survey.questions.find((x) => x.id === 'uk_nation');
    expect(q?.sensitive).toBeUndefined();
    expect(q?.consentGroup).toBeUndefined();
    expect(q?.options?.map((o) => o.id)).toEqual([
      'england',
      'wales',
      'scotland',
      'northern_ireland',
      'prefer_not_to_say',
    ]);
  });

  it.each(NATION_IDS)('asks %s in the GB pack only', (id) => {
    const packs = Object.entries(survey.packs ?? {}).filter(([, pack]) => pack.questions.includes(id));
    expect(packs.map(([name]) => name)).toEqual(['GB']);
  });

  it.each(['FR', 'JP', 'default'])('refuses the Scottish or Northern Irish list in the %s pack', (country) => {
    const packs = structuredClone(survey.packs ?? {});
    packs[country] = { questions: ['uk_nation', 'ethnic_group_sct', 'ethnic_group_nir'] };
    const result = checkSurvey({ ...survey, packs });
    const messages = result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
    for (const id of ['ethnic_group_sct', 'ethnic_group_nir'])
      expect(messages).toContainEqual(
        expect.stringContaining(`ethnicity question "${id}" is not allowed in the ${country} pack`),
      );
  });
});
