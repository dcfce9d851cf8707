import { describe, expect, it } from 'vitest';
import { type InviteArgsErrorCode, parseInviteArgs } from '../../../collector/invitations/invite-args.ts';

const base = ['--survey', 'career-outcomes', '--cohort', '2026-01-web', '--wave', 'm6', '--learners', 'list.csv'];

describe('parseInviteArgs', () => {
  it.each([
    [base, { options: { reminder: false }, dryRun: false, send: false }],
    [[...base, '--out', 'links.csv'], { out: 'links.csv' }],
    [[...base, '--reminder'], { options: { reminder: true } }],
    [
      [...base, '--reminder', '--max-reminders', '3', '--spacing-days', '2.5'],
      { options: { reminder: true, maxReminders: 3, minSpacingDays: 2.5 } },
    ],
    [[...base, '--dry-run'], { dryRun: true }],
    [[...base, '--send'], { send: true }],
  ])('reads %j', (argv, expected) => {
    expect(parseInviteArgs(argv)).toMatchObject({
      kind: 'invite',
      surveyId: 'career-outcomes',
      cohortId: '2026-01-web',
      wave: 'm6',
      learners: 'list.csv',
      ...expected,
    });
  });

  it('leaves out --out when not given (the links go to standard output)', () => {
    expect(parseInviteArgs(base)).not.toHaveProperty('out');
  });

  it('reads --help alone', () => {
    expect(parseInviteArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it.each<[string[], InviteArgsErrorCode, string]>([
    [base.slice(2), 'missing_option', '--survey is missing'],
    [[...base.slice(0, 6)], 'missing_option', '--learners is missing'],
    [[...base, 'extra.csv'], 'unexpected_argument', 'unexpected argument "extra.csv"'],
    [[...base, '--colour'], 'bad_option', '--colour'],
    [['--survey', 'Career Outcomes', ...base.slice(2)], 'invalid_option', '--survey "Career Outcomes"'],
    [[...base.slice(0, 2), '--cohort', 'Bad!', ...base.slice(4)], 'invalid_option', '--cohort "Bad!"'],
    [[...base.slice(0, 4), '--wave', '6m', ...base.slice(6)], 'invalid_option', 'expected one of m0, m6'],
    [[...base, '--spacing-days', '7'], 'invalid_option', 'add --reminder'],
    [[...base, '--reminder', '--max-reminders', '1.5'], 'invalid_option', 'expected a whole number'],
    [[...base, '--reminder', '--spacing-days=-1'], 'invalid_option', '--spacing-days "-1"'],
    [[...base, '--dry-run', '--send'], 'invalid_option', 'choose one'],
  ])('refuses %j with %s', (argv, code, message) => {
    const run = () => parseInviteArgs(argv);
    expect(run).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
    expect(run).toThrow(/; see --help$/);
  });
});
