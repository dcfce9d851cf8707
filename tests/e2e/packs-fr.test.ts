import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SurveyDefinition, SurveyDefinition as SurveySchema } from '../../protocol/index.ts';
import { en } from '../../widget/i18n/en.ts';
import { fr } from '../../widget/i18n/fr.ts';
import { type EmbedStack, launchChromium, startEmbedStack } from './embed-harness.ts';
import { type Picks, walkSurvey } from './support/answer-by-id.ts';
import { exportedRow, filledEthnicityCells, flagsOf } from './support/export-rows.ts';

// Issue 4, done when: a response to the FR pack, submitted through the widget in real
// Chromium, comes out of the export with the right flags; a French deployment cannot
// show an ethnicity question.
let stack: EmbedStack;
let browser: Browser;
const survey: SurveyDefinition = SurveySchema.parse(JSON.parse(readFileSync('surveys/career-outcomes.json', 'utf8')));

beforeAll(async () => {
  [stack, browser] = await Promise.all([startEmbedStack(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const walkFrench = (picks: Picks) =>
  walkSurvey(browser, stack, { country: 'FR', locale: 'fr', table: fr }, picks, { sensitive: true });

describe('the FR pack through the widget', () => {
  it('exports a French learner’s response with the flags their answers make', async () => {
    const walk = await walkFrench({
      situation: 'employed_fixed_term',
      changes: ['new_job'],
      helped: 'a_lot',
      change_start: '2024-03',
      related: 'closely',
      pay_band_eur: 'from_30k_to_40k',
      ilo_worked: 'no',
      ilo_searched: 'yes',
      ilo_available: 'yes',
      pes_registered_fr: 'yes',
      area_fr: 'no',
      diploma_fr: 'cap_bep',
      wg_seeing: 'no_difficulty',
      wg_hearing: 'no_difficulty',
      wg_walking: 'a_lot_of_difficulty',
      wg_cognition: 'some_difficulty',
      wg_selfcare: 'no_difficulty',
      wg_communication: 'no_difficulty',
      disability_recognition: ['rqth', 'aah'],
      protection_status: 'prefer_not_to_say',
      comment: 'fr-flags',
    });
    expect(walk.confirmation).toMatch(/envoyées|enregistrées/);
    const row = await exportedRow(stack, 'fr-flags');
    expect({ country: row.country, locale: row.locale, consent: row.consent_sensitive }).toEqual({
      country: 'FR',
      locale: 'fr',
      consent: 'true',
    });
    expect({ diploma: row.diploma_fr, walking: row.wg_walking, pes: row.pes_registered_fr }).toEqual({
      diploma: 'cap_bep',
      walking: 'a_lot_of_difficulty',
      pes: 'yes',
    });
    expect([
      row.disability_recognition__rqth,
      row.disability_recognition__aah,
      row.disability_recognition__none,
    ]).toEqual(['1', '1', '0']);
    // Unknown is an empty cell, never "false".
    expect(flagsOf(row)).toEqual({
      flag_career_outcome: 'true',
      flag_jobseeker: 'true',
      flag_jobseeker_ilo: 'true',
      flag_underserved_area: 'false',
      flag_low_education: 'false',
      flag_low_education_national: 'true',
      flag_disability: 'true',
      flag_disability_national: 'true',
      flag_refugee: '',
      flag_any_underserved: 'true',
    });
    expect(row.flag_disability__rule).toBe('disability.wg-ss@1');
    expect(row.flag_low_education_national__rule).toBe('low_education_national.fr-below-bac@1');
    expect(row.flag_disability_national__rule).toBe('disability_national.fr-boeth@1');
  });

  it('never shows an ethnicity question to a French learner who answers every question', async () => {
    const ethnicity = survey.questions.filter((q) => q.topic === 'ethnicity' || q.consentGroup);
    const forbidden = [...ethnicity.flatMap((q) => [q.text.fr, q.text.en]), fr.ethnicityHeading, en.ethnicityHeading];
    // Fourteen ethnicity questions (GB: the England and Wales and Scottish two-step lists and the
    // Northern Irish list; US combined) in two languages, and the consent screen's heading.
    expect(forbidden.filter(Boolean)).toHaveLength(2 * 14 + 2);
    // Yes to consent and the answers that open every branch, so each FR question is on screen once.
    const walk = await walkFrench({
      situation: 'self_employed',
      changes: ['business'],
      helped: 'a_little',
      change_start: '2025-01',
      ilo_worked: 'no',
      ilo_searched: 'yes',
      comment: 'fr-no-ethnicity',
    });
    expect(walk.shown).toContain('protection_status');
    expect(walk.shown.filter((id) => !/^wg_/.test(id))).toEqual(
      survey.packs?.FR.questions.filter((id) => id !== 'wg_ss'),
    );
    for (const text of forbidden) expect(walk.screens.filter((s) => s.includes(String(text)))).toEqual([]);
    const row = await exportedRow(stack, 'fr-no-ethnicity');
    expect(Object.keys(row).filter((name) => name.startsWith('ethnic_')).length).toBeGreaterThan(0);
    expect(filledEthnicityCells(row)).toEqual([]);
  });
});
