import { describe, expect, it } from 'vitest';
import {
  parseResponseRatesArgs,
  RESPONSE_RATES_USAGE,
  ResponseRatesArgsError,
} from '../../../collector/denominators/response-rates-args.ts';

const REQUIRED = ['--survey', 'outcomes-test', '--cohort', 'c-2026-01', '--wave', 'm0'];

describe('parseResponseRatesArgs', () => {
  it('reads the query by the names the route takes, as a table by default', () => {
    expect(parseResponseRatesArgs([...REQUIRED, '--by', 'attr_funding'])).toEqual({
      kind: 'run',
      query: { survey: 'outcomes-test', cohort: 'c-2026-01', wave: 'm0', by: 'attr_funding' },
      format: 'table',
    });
  });

  it.each([['table'], ['json']])('takes --format %s', (format) => {
    expect(parseResponseRatesArgs([...REQUIRED, '--format', format])).toMatchObject({ format });
  });

  it.each([[['--help']], [['-h']], [['--wave', 'm0', '--help']]])('asks for the help text on %j', (argv) => {
    expect(parseResponseRatesArgs(argv)).toEqual({ kind: 'help' });
  });

  it('names every flag in the help text', () => {
    for (const flag of ['--survey', '--cohort', '--wave', '--by', '--format', '--help'])
      expect(RESPONSE_RATES_USAGE).toContain(flag);
  });

  it.each([
    [['--cohort', 'c-2026-01', '--wave', 'm0'], '--survey is missing'],
    [['--survey', 'outcomes-test', '--wave', 'm0'], '--cohort is missing'],
    [['--survey', 'outcomes-test', '--cohort', 'c-2026-01'], '--wave is missing'],
    [[...REQUIRED, '--format', 'csv'], '--format "csv": expected table or json'],
    [[...REQUIRED, '--colour', 'red'], "'--colour'"],
    [[...REQUIRED, '--by'], "'--by"],
    [[...REQUIRED, 'extra'], 'unexpected argument "extra"'],
  ])('refuses %j with a usage error naming %s', (argv, naming) => {
    let error: unknown;
    try {
      parseResponseRatesArgs(argv);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ResponseRatesArgsError);
    expect((error as ResponseRatesArgsError).code).toBe('usage');
    expect((error as Error).message).toContain(naming);
    expect((error as Error).message).toContain('see --help');
  });
});
