import { describe, expect, it } from 'vitest';
import {
  addMonths,
  DEFAULT_SCHEDULE,
  isWaveDue,
  parseWaveSchedule,
  WaveScheduleError,
  waveDueAt,
  wavesDue,
} from '../../../collector/denominators/wave-schedule.ts';
import { DEFAULT_WAVES } from '../../../widget/core/options/option-table.ts';
import { waveLabel, addMonths as widgetAddMonths } from '../../../widget/core/triggers/due-wave.ts';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('addMonths', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 6, '2026-09-30'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-01-15', 12, '2027-01-15'],
    ['2025-12-31', 15, '2027-03-31'],
    ['2026-02-28', 24, '2028-02-28'],
  ])('%s + %i months is %s', (from, months, to) => {
    expect(addMonths(day(from), months).toISOString().slice(0, 10)).toBe(to);
  });

  it.each([
    ['2026-01-31T23:30:00Z', 1],
    ['2026-05-31T08:00:00Z', 6],
    ['2024-02-29T12:00:00Z', 12],
    ['2026-10-31T00:00:00Z', 15],
  ])('agrees with the widget’s arithmetic for %s + %i months', (from, months) => {
    expect(addMonths(new Date(from), months)).toEqual(widgetAddMonths(new Date(from), months));
  });
});

describe('schedules', () => {
  it('defaults to the widget’s waves, with its labels', () => {
    expect(DEFAULT_SCHEDULE).toEqual(DEFAULT_WAVES.map(waveLabel));
  });

  it.each([
    ['m0,m6,m12', ['m0', 'm6', 'm12']],
    [' m12 , m0 ', ['m0', 'm12']],
    ['m24,m15,m0', ['m0', 'm15', 'm24']],
    [
      ['m6', 'm0'],
      ['m0', 'm6'],
    ],
  ] as const)('parses %j in month order', (raw, schedule) => {
    expect(parseWaveSchedule(raw, 'WAVES')).toEqual(schedule);
  });

  it.each([
    ['', 'WAVES: the wave schedule is empty'],
    ['m0,m3', 'WAVES: unknown wave "m3": use labels from m0, m6, m12, m15, m24'],
    ['m0,once', '"once" is the prompt outside the schedule'],
    ['m6,m6', 'wave "m6" appears twice'],
    ['6', 'unknown wave "6"'],
  ])('refuses %j, saying where and how to fix it', (raw, message) => {
    const run = () => parseWaveSchedule(raw, 'WAVES');
    expect(run).toThrow(WaveScheduleError);
    expect(run).toThrow(
      expect.objectContaining({ code: 'invalid_schedule', message: expect.stringContaining(message) }),
    );
  });
});

describe('which waves are due', () => {
  const completed = day('2026-01-31');

  it.each([
    ['2026-01-30', []],
    ['2026-01-31', ['m0']],
    ['2026-07-30', ['m0']],
    ['2026-07-31', ['m0', 'm6']],
    ['2027-01-31', ['m0', 'm6', 'm12']],
  ])('on %s a January 31 completer is due %j', (now, due) => {
    expect(wavesDue(completed, day(now), DEFAULT_SCHEDULE)).toEqual(due);
  });

  it('puts each wave on the completion day plus its months, clamped to the month’s end', () => {
    expect(waveDueAt(day('2025-08-31'), 'm6').toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });

  it.each([
    ['once, due to everyone', 'once', undefined, true],
    ['m6 before its day', 'm6', completed, false],
    ['m0 on its day', 'm0', completed, true],
    ['a wave outside the schedule', 'm24', completed, false],
    ['an unknown label', 'm3', completed, false],
    ['a scheduled wave without completed_at', 'm0', undefined, null],
  ])('%s', (_name, wave, completedAt, due) => {
    expect(isWaveDue(wave, completedAt, day('2026-03-01'), DEFAULT_SCHEDULE)).toBe(due);
  });
});
