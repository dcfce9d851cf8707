import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCodebook } from '../../../collector/export/codebook.ts';
import { FLAG_DOCS, questionText } from '../../../collector/export/flag-descriptions.ts';
import { FLAG_NAMES, type FlagName } from '../../../collector/flags/flag.ts';
import type { SurveyDefinition } from '../../../protocol/index.ts';

const SURVEY: SurveyDefinition = JSON.parse(
  readFileSync(new URL('../../../surveys/career-outcomes.json', import.meta.url), 'utf8'),
);

/** A question's English wording as the learner sees it: its text (and grid row's), and its option labels. */
function wording(id: string): string {
  const q = SURVEY.questions.find((x) => x.id === id || (x.kind === 'grid' && x.rows?.some((r) => r.id === id)));
  const options = q && 'options' in q ? (q.options ?? []).map((o) => o.label.en) : [];
  return [questionText(SURVEY.questions, id), ...options].join(' ').toLowerCase();
}

describe('flag descriptions', () => {
  it.each(FLAG_NAMES)('%s reads only questions the built-in survey has', (flag) => {
    const missing = FLAG_DOCS[flag].reads.filter((id) => questionText(SURVEY.questions, id) === undefined);
    expect(missing).toEqual([]);
  });

  // What the description says must be what the learner was asked: the same time frame, the same thresholds.
  it.each<[FlagName, string, string]>([
    ['jobseeker_ilo', 'ilo_worked', 'just before the course'],
    ['jobseeker_ilo', 'ilo_searched', '4 weeks before the course'],
    ['jobseeker_ilo', 'ilo_available', 'within 2 weeks'],
    ['jobseeker', 'pes_registered_fr', 'just before the course'],
    ['jobseeker', 'pes_registered_fr', 'france travail'],
    ['jobseeker', 'pes_registered_jp', 'hello work'],
    ['career_outcome', 'changes', 'started the course'],
    ['career_outcome', 'helped', 'a little'],
    ['career_outcome', 'helped', 'not at all'],
    ['disability', 'wg_seeing', 'a lot of difficulty'],
    ['disability', 'wg_seeing', 'cannot do at all'],
    ['disability', 'gss_condition', '12 months or more'],
    ['underserved_area', 'area_fr', 'qpv'],
    ['disability_national', 'disability_recognition', 'rqth'],
    ['refugee', 'protection_status_us', 'asylee'],
  ])('%s says what %s asks: "%s"', (flag, question, phrase) => {
    expect(FLAG_DOCS[flag].reads).toContain(question);
    expect(wording(question)).toContain(phrase);
    expect(FLAG_DOCS[flag].description.toLowerCase()).toContain(phrase);
  });

  it('says jobseeker_ilo is about just before the course, not last week, quoting the survey file in the codebook', () => {
    const variable = buildCodebook([SURVEY]).variables.find((v) => v.name === 'flag_jobseeker_ilo');
    expect(variable?.derivation).not.toMatch(/last week/i);
    expect(variable?.derivation).toContain(
      'ilo_worked "Just before the course, did you have paid work, even for a few hours a week?"',
    );
  });
});
