/**
 * Highest diploma, per national list, mapped to its ISCED 2011 attainment level
 * (0 = less than primary … 8 = doctoral), and whether it counts as low under the
 * national rule. Keyed by question id, then option id, as in surveys/career-outcomes.json.
 * Sources: research/domain.md §3 (INED list for FR; Eurostat/Cedefop "low" = ISCED 0–2).
 */
export type DiplomaEntry = { isced: number; lowNational: boolean };
export type DiplomaList = { rule: string; options: Record<string, DiplomaEntry> };

const e = (isced: number, lowNational: boolean): DiplomaEntry => ({ isced, lowNational });

export const DIPLOMA_LISTS: Record<string, DiplomaList> = {
  // CAP/BEP is ISCED 3 yet below the Bac, so the two flags disagree on it by design.
  diploma_fr: {
    rule: 'fr-below-bac',
    options: {
      none: e(0, true),
      cep: e(1, true),
      brevet: e(2, true),
      cap_bep: e(3, true),
      bac_pro_techno: e(3, false),
      bac_general: e(3, false),
      bac_2: e(5, false),
      bac_3_4: e(6, false),
      bac_5: e(7, false),
      doctorat: e(8, false),
    },
  },
  // GCSE grades 9–4 (RQF level 2) is where the UK's ISCED 3 starts [verify with the UK ISCED mapping].
  diploma_gb: {
    rule: 'gb-below-rqf2',
    options: {
      none: e(1, true),
      entry_level: e(1, true),
      rqf_1: e(2, true),
      rqf_2: e(3, false),
      rqf_3: e(3, false),
      rqf_4_5: e(5, false),
      rqf_6: e(6, false),
      rqf_7: e(7, false),
      rqf_8: e(8, false),
    },
  },
  diploma_us: {
    rule: 'us-high-school-or-less',
    options: {
      less_than_high_school: e(2, true),
      high_school: e(3, true),
      some_college: e(3, false),
      associate: e(5, false),
      bachelor: e(6, false),
      master: e(7, false),
      doctorate: e(8, false),
    },
  },
  // 専門学校 (専修学校専門課程) is short-cycle tertiary, ISCED 5, in Japan's mapping.
  diploma_jp: {
    rule: 'jp-junior-high',
    options: {
      junior_high: e(2, true),
      high_school: e(3, false),
      senmon: e(5, false),
      junior_college: e(5, false),
      university: e(6, false),
      master: e(7, false),
      doctorate: e(8, false),
    },
  },
  // No national rule: the international one stands in, and its rule name says so.
  diploma: {
    rule: 'isced-0-2',
    options: {
      no_schooling: e(0, true),
      primary: e(1, true),
      lower_secondary: e(2, true),
      upper_secondary: e(3, false),
      post_secondary: e(4, false),
      short_tertiary: e(5, false),
      bachelor: e(6, false),
      master: e(7, false),
      doctorate: e(8, false),
    },
  },
};

export const DIPLOMA_QUESTIONS = Object.keys(DIPLOMA_LISTS);
