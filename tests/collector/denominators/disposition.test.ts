import { describe, expect, it } from 'vitest';
import {
  DispositionError,
  disposition,
  type MemberEvent,
  type MemberWave,
} from '../../../collector/denominators/disposition.ts';

const shown: MemberEvent = { kind: 'shown', at: '2026-02-01T10:00:00Z' };
const started: MemberEvent = { kind: 'started', at: '2026-02-01T10:01:00Z' };
const progress = (answered: number, asked: number): MemberEvent => ({
  kind: 'progress',
  at: '2026-02-01T10:02:00Z',
  answered,
  asked,
});
const dismissed = (reason: 'not_now' | 'never' | 'closed', at = '2026-02-01T10:03:00Z'): MemberEvent => ({
  kind: 'dismissed',
  at,
  reason,
});
const completed: MemberEvent = { kind: 'completed', at: '2026-02-01T10:05:00Z' };
const invited: MemberEvent = { kind: 'invited', at: '2026-01-20T08:00:00Z' };
const reminded: MemberEvent = { kind: 'reminded', at: '2026-01-28T08:00:00Z' };
const bounced = (at = '2026-01-28T08:00:05Z'): MemberEvent => ({ kind: 'undeliverable', at });
const complete = { status: 'complete', answered: 8, asked: 8 } as const;
const partial = (answered: number, asked: number) => ({ status: 'partial', answered, asked }) as const;

const member = (m: Partial<MemberWave>): MemberWave => ({ due: true, events: [], optedOut: false, ...m });

describe('disposition', () => {
  it.each([
    ['a complete response', member({ events: [shown, started, completed], response: complete }), '1.1', 'complete'],
    [
      'a complete followed by "Don’t ask me again"',
      member({ events: [shown, completed, dismissed('never', '2026-03-01T00:00:00Z')], response: complete }),
      '1.1',
      'complete',
    ],
    ['a complete, then an opt-out', member({ events: [shown], response: complete, optedOut: true }), '1.1', 'complete'],
    [
      'a complete received for a wave the roster says is not due',
      member({ due: false, response: complete }),
      '1.1',
      'complete',
    ],
    [
      'a complete without any contact event (sent from another device)',
      member({ response: complete }),
      '1.1',
      'complete',
    ],
    [
      'a partial at exactly half the questions asked',
      member({ events: [shown, started], response: partial(3, 6) }),
      '1.2',
      'partial',
    ],
    [
      'a partial above the threshold, then an opt-out',
      member({ response: partial(5, 6), optedOut: true }),
      '1.2',
      'partial',
    ],
    [
      'a partial below the threshold',
      member({ events: [shown, started, progress(2, 6)], response: partial(2, 6) }),
      '2.12',
      'break_off',
    ],
    ['a wave not yet due', member({ due: false, events: [shown] }), '4.10', 'not_due'],
    [
      'a wave not yet due, with a partial below the threshold',
      member({ due: false, response: partial(1, 6) }),
      '4.10',
      'not_due',
    ],
    [
      'a scheduled wave without completed_at in the roster',
      member({ due: null, events: [shown] }),
      '3.90',
      'due_unknown',
    ],
    ['an opt-out before ever being shown', member({ optedOut: true }), '2.11', 'opted_out'],
    [
      '"Don’t ask me again" pressed on the prompt',
      member({ events: [shown, dismissed('never')] }),
      '2.11',
      'dismissed_never',
    ],
    [
      '"Don’t ask me again" after starting',
      member({ events: [shown, started, progress(2, 6), dismissed('never')] }),
      '2.11',
      'dismissed_never',
    ],
    [
      'started and left after two questions',
      member({ events: [shown, started, progress(1, 6), progress(2, 6)] }),
      '2.12',
      'break_off',
    ],
    [
      'started, answered nothing, closed',
      member({ events: [shown, started, dismissed('closed')] }),
      '2.12',
      'break_off',
    ],
    ['progress events without a started event', member({ events: [shown, progress(1, 6)] }), '2.12', 'break_off'],
    [
      'progress above the threshold but no answers received',
      member({ events: [shown, started, progress(5, 6)] }),
      '2.12',
      'break_off',
    ],
    [
      '"completed" on the device, no response stored yet',
      member({ events: [shown, started, completed] }),
      '3.90',
      'completed_without_response',
    ],
    ['shown and "not now"', member({ events: [shown, dismissed('not_now')] }), '2.11', 'shown_not_started'],
    ['shown and closed', member({ events: [shown, dismissed('closed')] }), '2.11', 'shown_not_started'],
    ['shown and left alone', member({ events: [shown, shown] }), '2.11', 'shown_not_started'],
    ['never shown', member({}), '2.20', 'never_shown'],
    ['invited and never answered', member({ events: [invited, reminded] }), '2.20', 'never_shown'],
    ['a refused invitation, nothing after', member({ events: [bounced()] }), '3.30', 'undeliverable'],
    ['invited, then a refused reminder', member({ events: [invited, reminded, bounced()] }), '3.30', 'undeliverable'],
    [
      'shown in a course page before the refusal',
      member({ events: [shown, bounced('2026-02-02T08:00:00Z')] }),
      '3.30',
      'undeliverable',
    ],
    [
      'a refusal, then shown (reached another way)',
      member({ events: [bounced(), shown] }),
      '2.11',
      'shown_not_started',
    ],
    ['a refusal, then started', member({ events: [bounced(), shown, started] }), '2.12', 'break_off'],
    [
      'a refusal, then completed on the device',
      member({ events: [bounced(), completed] }),
      '3.90',
      'completed_without_response',
    ],
    [
      'a refusal and a reach at the same instant',
      member({ events: [bounced(shown.at), shown] }),
      '2.11',
      'shown_not_started',
    ],
    ['a refusal, and a complete response', member({ events: [bounced()], response: complete }), '1.1', 'complete'],
    [
      'a refusal, and a partial below the threshold',
      member({ events: [bounced()], response: partial(1, 6) }),
      '2.12',
      'break_off',
    ],
    ['a refusal, and an opt-out', member({ events: [bounced()], optedOut: true }), '2.11', 'opted_out'],
    ['a refusal of a wave not due', member({ due: false, events: [bounced()] }), '4.10', 'not_due'],
  ])('%s → %s', (_name, m, code, rule) => {
    expect(disposition(m)).toMatchObject({ code, rule });
  });

  it.each([
    [0.5, partial(2, 5), '2.12'],
    [0.4, partial(2, 5), '1.2'],
    [1, partial(5, 6), '2.12'],
    [1, partial(6, 6), '1.2'],
    [0.25, partial(0, 0), '2.12'],
  ] as const)('with a threshold of %s, a partial of %o is %s', (threshold, response, code) => {
    expect(disposition(member({ events: [shown, started], response }), threshold).code).toBe(code);
  });

  it.each([0, -0.5, 1.01, Number.NaN])('refuses a threshold of %s with a code', (threshold) => {
    const run = () => disposition(member({}), threshold);
    expect(run).toThrow(DispositionError);
    expect(run).toThrow(
      expect.objectContaining({ code: 'invalid_threshold', message: expect.stringContaining('such as 0.5') }),
    );
  });

  it('counts contact attempts and dates the first showing and the last event, whatever the order given', () => {
    const later = { kind: 'shown', at: '2026-03-01T09:00:00.000Z' } as const;
    const d = disposition(member({ events: [dismissed('not_now', '2026-03-01T09:01:00Z'), later, shown] }));
    expect(d).toMatchObject({ attempts: 2, firstShown: shown.at, lastEvent: '2026-03-01T09:01:00Z' });
  });

  it('counts invitations and reminders apart from showings, and dates the last event among them', () => {
    const d = disposition(member({ events: [invited, shown, reminded, bounced()] }));
    expect(d).toMatchObject({ attempts: 1, invitations: 2, firstShown: shown.at, lastEvent: '2026-02-01T10:00:00Z' });
  });

  it('has no attempts and no dates for a member never reached', () => {
    expect(disposition(member({}))).toEqual({
      code: '2.20',
      rule: 'never_shown',
      attempts: 0,
      invitations: 0,
      firstShown: null,
      lastEvent: null,
    });
  });
});
