import { describe, expect, it } from 'vitest';
import { type CohortArgsErrorCode, parseCohortArgs } from '../../../collector/denominators/cohort-args.ts';

describe('parseCohortArgs', () => {
  it.each([
    [
      ['import', '--cohort', '2026-01-web', 'roster.csv'],
      { kind: 'import', cohort: '2026-01-web', file: 'roster.csv', format: 'csv' },
    ],
    [
      ['import', '--cohort', 'c1', 'roster.json'],
      { kind: 'import', cohort: 'c1', file: 'roster.json', format: 'json' },
    ],
    [
      ['import', '--cohort', 'c1', 'ROSTER.JSON'],
      { kind: 'import', cohort: 'c1', file: 'ROSTER.JSON', format: 'json' },
    ],
    [
      ['import', '--json', '--cohort', 'c1', 'export.txt'],
      { kind: 'import', cohort: 'c1', file: 'export.txt', format: 'json' },
    ],
    [['import', 'roster.csv', '--cohort', 'c1'], { kind: 'import', cohort: 'c1', file: 'roster.csv', format: 'csv' }],
    [['list'], { kind: 'list' }],
    [['--help'], { kind: 'help' }],
    [['import', '-h'], { kind: 'help' }],
  ])('reads %j', (argv, expected) => {
    expect(parseCohortArgs(argv)).toEqual(expected);
  });

  it.each<[string[], CohortArgsErrorCode, string]>([
    [[], 'missing_command', 'expected a command: import or list'],
    [['export'], 'unknown_command', 'unknown command "export"'],
    [['import', 'roster.csv'], 'missing_cohort', '--cohort is missing'],
    [['import', '--cohort', 'Jan 2026', 'roster.csv'], 'invalid_cohort', 'expected a cohort id'],
    [['import', '--cohort', 'c1'], 'missing_file', 'no roster file'],
    [['import', '--cohort', 'c1', 'a.csv', 'b.csv'], 'unexpected_argument', 'one roster file at a time'],
    [['list', 'c1'], 'unexpected_argument', 'list takes no arguments'],
    [['list', '--cohort', 'c1'], 'unexpected_argument', 'list takes no arguments'],
    [['import', '--cohrt', 'c1', 'a.csv'], 'bad_option', '--cohrt'],
    [['import', '--cohort'], 'bad_option', '--cohort'],
  ])('refuses %j with %s, saying what is wrong', (argv, code, message) => {
    let thrown: unknown;
    try {
      parseCohortArgs(argv);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toMatchObject({ name: 'CohortArgsError', code });
    expect((thrown as Error).message).toContain(message);
    expect((thrown as Error).message).toMatch(/^npm run cohort: .*; see --help$/s);
  });
});
