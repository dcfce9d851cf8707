import { describe, expect, it } from 'vitest';
import { responseRates } from '../../../collector/denominators/response-rates.ts';
import { responseRatesTable } from '../../../collector/denominators/response-rates-table.ts';
import { DEFAULT_SCHEDULE } from '../../../collector/denominators/wave-schedule.ts';
import { AT, COHORT, OUTSIDE } from './cohort-fixture.ts';
import { FakeDenominators } from './fake-denominators.ts';

const query = { surveyId: 'outcomes-test', cohortId: 'c-2026-01', wave: 'm0', schedule: DEFAULT_SCHEDULE, at: AT };
const table = async (rules: { minCell: number; roundTo: number; minPercentBase: number }, by?: string) =>
  responseRatesTable(
    await responseRates(
      new FakeDenominators({ 'c-2026-01': COHORT }, OUTSIDE),
      { ...query, partialThreshold: 0.5, ...(by ? { by } : {}) },
      rules,
    ),
    by,
  );
const lines = (text: string) => text.split('\n').map((l) => l.replace(/ +/g, ' '));

describe('responseRatesTable', () => {
  it('prints the dispositions, each rate to four decimals and the funnel of the cohort fixture', async () => {
    const text = await table({ minCell: 1, roundTo: 1, minPercentBase: 1 });
    expect(text.split('\n')[0]).toBe('Survey outcomes-test, cohort c-2026-01, wave m0: population 14');
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        '1.1 complete 4',
        '2.11 refusal 3',
        '4.10 not yet eligible 1',
        'outside_roster answered, not on the roster (in no rate) 2',
        'RR1 0.3077',
        'RR6 0.4545',
        'CON1 0.6923',
        'shown 9',
        'answered 3+ 5',
        'completed 5',
      ]),
    );
    expect(text).not.toContain('withheld');
  });

  it('aligns each column under its header', async () => {
    const text = await table({ minCell: 1, roundTo: 1, minPercentBase: 1 });
    const block = text.split('\n\n')[1].split('\n');
    const widths = block[1].split('  ').map((d) => d.length);
    for (const line of block) expect(line.length).toBeLessThanOrEqual(widths.reduce((a, b) => a + b + 2, -2));
    expect(block[0]).toMatch(/^disposition +meaning +members$/);
    expect(block[2].endsWith(' 4')).toBe(true);
  });

  it('prints one row per group with a dash for a withheld figure, and says what the dash means', async () => {
    const text = await table({ minCell: 3, roundTo: 1, minPercentBase: 1 }, 'country');
    const rows = lines(text);
    expect(rows).toContain('country population 1.1 1.2 2.11 2.12 2.20 3.30 3.90 4.10 RR1 RR2');
    expect(rows.find((l) => l.startsWith('GB '))).toBe('GB – – – – – – – – – – –');
    expect(rows.some((l) => l.startsWith('(empty) '))).toBe(true);
    expect(rows).toContain('1.2 partial –');
    expect(text.trimEnd().split('\n').at(-1)).toMatch(/^– withheld by disclosure control/);
  });
});
