import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEDULE } from '../../../collector/denominators/wave-schedule.ts';
import {
  type InviteeFacts,
  InviteSelectionError,
  type SelectionInput,
  type SelectionOptions,
  selectInvitees,
} from '../../../collector/invitations/select-invitees.ts';

const now = new Date('2026-08-15T12:00:00Z');
const hashRef = (ref: string) => `hash:${ref}`;
// Completed on 2026-01-31: m0 and m6 (2026-07-31) are due on 2026-08-15, m12 is not.
const member = (facts: Partial<InviteeFacts> = {}): InviteeFacts => ({
  completedAt: '2026-01-31',
  optedOut: false,
  attempts: [],
  ...facts,
});
const invited = (at: string) => ({ kind: 'invited' as const, at });
const reminded = (at: string) => ({ kind: 'reminded' as const, at });

function select(facts: InviteeFacts | undefined, change: Partial<SelectionInput> = {}) {
  const members = new Map(facts ? [[hashRef('ana'), facts]] : []);
  return selectInvitees({
    learners: [{ learnerRef: 'ana' }],
    hashRef,
    members,
    schedule: DEFAULT_SCHEDULE,
    wave: 'm6',
    now,
    ...change,
  });
}
const outcome = (facts: InviteeFacts | undefined, change: Partial<SelectionInput> = {}) => {
  const { invitations, skipped } = select(facts, change);
  return invitations.length === 1 ? 'invited' : skipped[0]?.reason;
};

describe('selectInvitees, for an invitation', () => {
  it.each([
    ['a member due the wave', member(), {}, 'invited'],
    ['a member due the wave on its very day', member({ completedAt: '2026-02-15' }), {}, 'invited'],
    [
      'a member with a partial response (the link resumes it)',
      member({ response: { status: 'partial' } }),
      {},
      'invited',
    ],
    [
      'a member already invited (the school may send again)',
      member({ attempts: [invited('2026-08-14T00:00:00Z')] }),
      {},
      'invited',
    ],
    ['a learner not on the roster', undefined, {}, 'not_on_roster'],
    ['a member whose wave falls due tomorrow', member({ completedAt: '2026-02-16' }), {}, 'wave_not_due'],
    ['a member not yet due m12', member(), { wave: 'm12' }, 'wave_not_due'],
    ['a member with no completed_at', member({ completedAt: undefined }), {}, 'wave_not_due'],
    ['a member with a complete response', member({ response: { status: 'complete' } }), {}, 'already_answered'],
    ['a member who opted out', member({ optedOut: true }), {}, 'opted_out'],
    [
      'a member who answered, then opted out',
      member({ optedOut: true, response: { status: 'complete' } }),
      {},
      'already_answered',
    ],
    [
      'a member with no completed_at, for the prompt outside the schedule',
      member({ completedAt: undefined }),
      { wave: 'once' },
      'invited',
    ],
    [
      'a member due m15 on a schedule holding it',
      member({ completedAt: '2025-05-15' }),
      { wave: 'm15', schedule: ['m0', 'm15'] as const },
      'invited',
    ],
  ] as const)('%s: %s', (_, facts, change, expected) => {
    expect(outcome(facts, change as Partial<SelectionInput>)).toBe(expected);
  });

  it('lists every learner once, in the order of the file, with the hash and the school’s own columns', () => {
    const members = new Map([
      [hashRef('ana'), member()],
      [hashRef('ben'), member({ optedOut: true })],
      [hashRef('chloe'), member()],
    ]);
    const result = selectInvitees({
      learners: [
        { learnerRef: 'ana', language: 'fr', email: 'ana@mail.example', name: 'Ana' },
        { learnerRef: 'ben' },
        { learnerRef: 'zoe' },
        { learnerRef: 'ana', language: 'en' },
        { learnerRef: 'chloe' },
      ],
      hashRef,
      members,
      schedule: DEFAULT_SCHEDULE,
      wave: 'm6',
      now,
    });
    expect(result).toEqual({
      invitations: [
        { learnerRef: 'ana', learnerHash: 'hash:ana', language: 'fr', email: 'ana@mail.example', name: 'Ana' },
        { learnerRef: 'chloe', learnerHash: 'hash:chloe' },
      ],
      skipped: [
        { learnerRef: 'ben', reason: 'opted_out' },
        { learnerRef: 'zoe', reason: 'not_on_roster' },
        { learnerRef: 'ana', reason: 'duplicate_in_file' },
      ],
    });
  });
});

describe('selectInvitees, for a reminder', () => {
  const reminder = (options: SelectionOptions = {}) => ({ options: { reminder: true, ...options } });
  it.each([
    ['invited 7 days ago exactly', [invited('2026-08-08T12:00:00Z')], {}, 'invited'],
    ['invited 7 days less a second ago', [invited('2026-08-08T12:00:01Z')], {}, 'reminded_recently'],
    [
      'invited long ago, reminded once 7 days ago',
      [invited('2026-07-31T00:00:00Z'), reminded('2026-08-08T12:00:00Z')],
      {},
      'invited',
    ],
    [
      'invited long ago, reminded 6 days ago',
      [invited('2026-07-31T00:00:00Z'), reminded('2026-08-09T12:00:00Z')],
      {},
      'reminded_recently',
    ],
    [
      'reminded twice (the default cap)',
      [invited('2026-06-01T00:00:00Z'), reminded('2026-06-10T00:00:00Z'), reminded('2026-06-20T00:00:00Z')],
      {},
      'too_many_reminders',
    ],
    [
      'reminded twice, with a cap of 3',
      [invited('2026-06-01T00:00:00Z'), reminded('2026-06-10T00:00:00Z'), reminded('2026-06-20T00:00:00Z')],
      { maxReminders: 3 },
      'invited',
    ],
    [
      'reminded once, with a cap of 1',
      [invited('2026-06-01T00:00:00Z'), reminded('2026-06-10T00:00:00Z')],
      { maxReminders: 1 },
      'too_many_reminders',
    ],
    [
      'invited 2 days ago, with a spacing of 2 days',
      [invited('2026-08-13T12:00:00Z')],
      { minSpacingDays: 2 },
      'invited',
    ],
    [
      'invited 3 days ago, with a spacing of 3.5 days',
      [invited('2026-08-12T12:00:00Z')],
      { minSpacingDays: 3.5 },
      'reminded_recently',
    ],
    ['invited a minute ago, with no spacing', [invited('2026-08-15T11:59:00Z')], { minSpacingDays: 0 }, 'invited'],
    ['never invited', [], {}, 'not_invited'],
  ] as const)('a member %s: %s', (_, attempts, options, expected) => {
    expect(outcome(member({ attempts }), reminder(options))).toBe(expected);
  });

  it.each([
    ['a complete response', { response: { status: 'complete' } }, 'already_answered'],
    ['a partial response', { response: { status: 'partial' } }, 'invited'],
    ['an opt-out', { optedOut: true }, 'opted_out'],
  ] as const)('a member invited long ago with %s: %s', (_, facts, expected) => {
    expect(outcome(member({ ...facts, attempts: [invited('2026-08-01T00:00:00Z')] }), reminder())).toBe(expected);
  });
});

describe('selectInvitees refuses', () => {
  const errorOf = (change: Partial<SelectionInput>) => {
    try {
      select(member(), change);
    } catch (error) {
      if (error instanceof InviteSelectionError) return error;
      throw error;
    }
    return expect.fail('expected an InviteSelectionError');
  };

  it.each([
    [
      'a wave outside the schedule',
      { wave: 'm24' },
      'wave_not_in_schedule',
      'wave "m24" is not in the survey\'s schedule (m0, m6, m12)',
    ],
    ['a negative reminder cap', { options: { maxReminders: -1 } }, 'invalid_options', 'maxReminders -1'],
    ['a fractional reminder cap', { options: { maxReminders: 1.5 } }, 'invalid_options', 'maxReminders 1.5'],
    [
      'a spacing that is not a number',
      { options: { minSpacingDays: Number.NaN } },
      'invalid_options',
      'minSpacingDays NaN',
    ],
  ] as const)('%s', (_, change, code, message) => {
    const error = errorOf(change as Partial<SelectionInput>);
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });
});
