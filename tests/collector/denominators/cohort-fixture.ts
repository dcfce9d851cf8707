import type { MemberEvent } from '../../../collector/denominators/disposition.ts';
import type { FakeMember } from './fake-denominators.ts';

const at = (minute: number) => `2026-02-10T09:${String(minute).padStart(2, '0')}:00.000Z`;
const shown: MemberEvent = { kind: 'shown', at: at(0) };
const started: MemberEvent = { kind: 'started', at: at(1) };
const progress = (answered: number, minute = 2): MemberEvent => ({ kind: 'progress', at: at(minute), answered });
const complete = { id: 'r', status: 'complete' as const, answered: 6, asked: 6 };

/** Five completes of six questions, seen, started and answered question by question. */
const completer = (ref: string, country = 'FR'): FakeMember => ({
  learnerHash: ref,
  completedAt: '2026-01-31',
  country,
  events: [shown, started, ...[1, 2, 3, 4, 5, 6].map((n) => progress(n, n + 1)), { kind: 'completed', at: at(9) }],
  response: { ...complete, id: `r-${ref}` },
});

/**
 * A cohort of 14 with one member for each rule of the disposition order (docs/denominators.md), as of
 * 2026-06-15 for wave m0 of the default schedule:
 *   1.1 ×4 (a1–a4), 1.2 ×1 (b1: 4 of 6 answered), 2.11 ×3 (c1 "never", c2 opted out, c3 shown only),
 *   2.12 ×1 (d1: left after two questions), 2.20 ×2 (e1, e2), 3.90 ×2 (f1 no completed_at, g1 completed event
 *   and no response yet), 4.10 ×1 (h1 completes after the date).
 */
export const COHORT: FakeMember[] = [
  completer('a1'),
  completer('a2'),
  completer('a3', 'GB'),
  completer('a4', 'GB'),
  {
    learnerHash: 'b1',
    completedAt: '2026-01-31',
    country: 'FR',
    events: [shown, started, progress(4)],
    response: { id: 'r-b1', status: 'partial', answered: 4, asked: 6 },
  },
  {
    learnerHash: 'c1',
    completedAt: '2026-01-31',
    country: 'FR',
    events: [shown, { kind: 'dismissed', at: at(1), reason: 'never' }],
  },
  { learnerHash: 'c2', completedAt: '2026-01-31', country: 'FR', optedOut: true },
  { learnerHash: 'c3', completedAt: '2026-01-31', country: 'FR', events: [shown] },
  {
    learnerHash: 'd1',
    completedAt: '2026-01-31',
    country: 'FR',
    events: [shown, started, progress(1), progress(2, 3)],
    response: { id: 'r-d1', status: 'partial', answered: 2, asked: 6 },
  },
  { learnerHash: 'e1', completedAt: '2026-01-31', country: 'FR' },
  { learnerHash: 'e2', completedAt: '2026-01-31' },
  { learnerHash: 'f1', country: 'FR' },
  { learnerHash: 'g1', completedAt: '2026-01-31', country: 'FR', events: [{ kind: 'completed', at: at(9) }] },
  { learnerHash: 'h1', completedAt: '2026-06-20', country: 'FR' },
];

export const AT = new Date('2026-06-15T12:00:00Z');
export const OUTSIDE = 2;
