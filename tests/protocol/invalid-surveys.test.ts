import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSurvey } from '../../protocol/index.ts';

const DIR = 'tests/fixtures/invalid-surveys';

/** Each fixture and the "path: message" it must produce (a prefix of the message is enough). */
const EXPECTED: Record<string, string> = {
  'bad-question-id': 'questions[0].id: expected a stable id',
  'choice-without-options': 'questions[0].options: required for a single_choice question',
  'duplicate-grid-row-id': 'questions[1].rows[1].id: duplicate id "situation"',
  'duplicate-option-id': 'questions[3].options[1].id: duplicate id "employed"',
  'duplicate-question-id': 'questions[1].id: duplicate id "situation"',
  'ethnicity-in-default-pack':
    'packs.default.questions[1]: ethnicity question "ethnic_group" is not allowed in the default pack',
  'ethnicity-in-fr-pack': 'packs.FR.questions[1]: ethnicity question "ethnic_group" is not allowed in the FR pack',
  'ethnicity-in-jp-pack': 'packs.JP.questions[1]: ethnicity question "ethnic_group" is not allowed in the JP pack',
  'ethnicity-not-sensitive': 'questions[1].sensitive: an ethnicity question must be sensitive',
  'ethnicity-without-own-consent': 'questions[1].consentGroup: an ethnicity question must set consentGroup "ethnicity"',
  'ethnicity-without-packs': 'questions[1].topic: an ethnicity question needs country packs',
  'exclusive-on-single-choice': 'questions[0].options[1].exclusive: only multiple_choice options can be exclusive',
  'grid-without-rows': 'questions[0].rows: required for a grid question',
  'link-not-https': 'questions[0].link.href: expected an https:// URL',
  'missing-english-title': 'title: expected an "en" entry',
  'options-on-free-text': 'questions[0].options: not allowed for a free_text question',
  'pack-bad-country': 'packs.fr: invalid key: expected an ISO 3166-1 alpha-2 country code',
  'pack-show-if-not-asked':
    'packs.default.questions[0]: "helped" has showIf[0] on "situation", which this pack does not ask before it',
  'pack-unknown-question': 'packs.default.questions[1]: unknown question id "nope"',
  'prefer-not-to-say-not-last': 'questions[0].options: "prefer_not_to_say" must be the last option',
  'sensitive-without-prefer-not-to-say': 'questions[0].options: a sensitive question must offer "prefer_not_to_say"',
  'show-if-later-question': 'questions[0].showIf[0].question: expected the id of an earlier question, got "situation"',
  'show-if-unknown-option': 'questions[1].showIf[0].in[0]: "retired" is not an option of "situation"',
  'unknown-key': 'questions[0]: unexpected key "colour"',
  'version-zero': 'version: expected value >= 1',
};

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

describe('invalid survey fixtures', () => {
  it('has an expected error for every fixture file, and a file for every expected error', () => {
    expect(fixtures).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(fixtures)('%s fails with a message naming the path', (name) => {
    const result = checkSurvey(JSON.parse(readFileSync(`${DIR}/${name}.json`, 'utf8')));
    expect(result.ok).toBe(false);
    const lines = result.ok ? [] : result.errors.map((e) => `${e.path}: ${e.message}`);
    expect(
      lines.some((l) => l.startsWith(EXPECTED[name])),
      lines.join('\n'),
    ).toBe(true);
  });
});
