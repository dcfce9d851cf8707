import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../widget/i18n/en.ts';
import { type EmbedStack, launchChromium, startEmbedStack } from './embed-harness.ts';
import { type Picks, walkSurvey } from './support/answer-by-id.ts';
import { exportedRow, filledEthnicityCells, flagsOf } from './support/export-rows.ts';

// Issue 4, done when: a response to the GB pack, submitted through the widget in real
// Chromium, comes out of the export with the right flags, the GSS disability variant,
// and ethnicity answered only behind its own consent. The collector refuses an
// ethnicity answer without "ethnicity" in consent.groups, so a stored one proves the
// widget sent the group consent too. The agreeing learner lives in Scotland, so gets
// Scotland's census list, not England and Wales's.
let stack: EmbedStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([startEmbedStack(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const walkBritish = (picks: Picks, ethnicity: boolean) =>
  walkSurvey(browser, stack, { country: 'GB', locale: 'en', table: en }, picks, { sensitive: true, ethnicity });

const ETHNIC_GROUP_QUESTION = 'What is your ethnic group?';

describe('the GB pack through the widget', () => {
  it('stores the Scottish ethnicity answers of a learner in Scotland who agrees to the ethnicity questions', async () => {
    const walk = await walkBritish(
      {
        situation: 'employed',
        changes: ['promotion'],
        helped: 'a_little',
        change_start: '2023-11',
        related: 'partly',
        pay_band_gbp: 'from_20k_to_30k',
        ilo_worked: 'yes',
        area_gb: 'yes',
        diploma_gb: 'rqf_1',
        gss_condition: 'yes',
        gss_reduces: 'yes_a_lot',
        protection_status: 'none',
        uk_nation: 'scotland',
        ethnic_group_sct: 'asian',
        ethnic_asian_sct: 'pakistani',
        comment: 'gb-ethnicity-agreed',
      },
      true,
    );
    expect(walk.shown).toEqual(
      expect.arrayContaining(['gss_condition', 'gss_reduces', 'uk_nation', 'ethnic_group_sct', 'ethnic_asian_sct']),
    );
    expect(walk.shown.filter((id) => id.endsWith('_gb') && id.startsWith('ethnic_'))).toEqual([]);
    expect(walk.shown.filter((id) => id.startsWith('wg_'))).toEqual([]);
    // The ethnicity consent screen comes right before the first ethnicity question.
    const consentAt = walk.screens.findIndex((s) => s.includes(en.ethnicityHeading));
    expect(walk.screens[consentAt + 1]).toContain(ETHNIC_GROUP_QUESTION);
    expect(walk.check).toContain(`${en.ethnicityHeading}${en.answering}`);
    const row = await exportedRow(stack, 'gb-ethnicity-agreed');
    expect(filledEthnicityCells(row)).toEqual([
      ['ethnic_group_sct', 'asian'],
      ['ethnic_asian_sct', 'pakistani'],
    ]);
    expect({ country: row.country, nation: row.uk_nation, gss: row.gss_reduces, area: row.area_gb }).toEqual({
      country: 'GB',
      nation: 'scotland',
      gss: 'yes_a_lot',
      area: 'yes',
    });
    expect(flagsOf(row)).toEqual({
      flag_career_outcome: 'true',
      flag_jobseeker: 'false',
      flag_jobseeker_ilo: 'false',
      flag_underserved_area: 'true',
      flag_low_education: 'true',
      flag_low_education_national: 'true',
      flag_disability: 'true',
      flag_disability_national: '',
      flag_refugee: 'false',
      flag_any_underserved: 'true',
    });
    expect(row.flag_disability__rule).toBe('disability.gss@1');
  });

  it('skips the ethnicity questions, and stores the rest, for a learner who declines them', async () => {
    const walk = await walkBritish(
      {
        situation: 'looking',
        changes: ['none'],
        ilo_worked: 'no',
        ilo_searched: 'yes',
        ilo_available: 'yes',
        area_gb: 'dont_know',
        diploma_gb: 'rqf_3',
        gss_condition: 'no',
        protection_status: 'refugee',
        uk_nation: 'england',
        ethnic_group_gb: 'white',
        comment: 'gb-ethnicity-declined',
      },
      false,
    );
    expect(walk.screens.filter((s) => s.includes(en.ethnicityHeading))).toHaveLength(1);
    expect(walk.screens.filter((s) => s.includes(ETHNIC_GROUP_QUESTION))).toEqual([]);
    expect(walk.shown.filter((id) => id.startsWith('ethnic_'))).toEqual([]);
    expect(walk.check).toContain(`${en.ethnicityHeading}${en.skipped}`);
    const row = await exportedRow(stack, 'gb-ethnicity-declined');
    expect(filledEthnicityCells(row)).toEqual([]);
    expect({
      consent: row.consent_sensitive,
      nation: row.uk_nation,
      area: row.area_gb,
      diploma: row.diploma_gb,
      status: row.protection_status,
    }).toEqual({
      consent: 'true',
      nation: 'england',
      area: 'dont_know',
      diploma: 'rqf_3',
      status: 'refugee',
    });
    expect(flagsOf(row)).toEqual({
      flag_career_outcome: 'false',
      flag_jobseeker: 'true',
      flag_jobseeker_ilo: 'true',
      flag_underserved_area: '',
      flag_low_education: 'false',
      flag_low_education_national: 'false',
      flag_disability: 'false',
      flag_disability_national: '',
      flag_refugee: 'true',
      flag_any_underserved: 'true',
    });
  });
});
