import { describe, expect, it } from 'vitest';
import { DEFAULT_WAVES } from '../../../../widget/core/options/option-table.ts';
import { addMonths, dueWave } from '../../../../widget/core/triggers/due-wave.ts';

const completed = new Date('2026-01-31T10:00:00Z');

describe('dueWave', () => {
  it.each([
    ['before completion', '2026-01-30T00:00:00Z', [], null],
    ['on completion day', '2026-01-31T10:00:00Z', [], 'm0'],
    ['five months later, m0 unanswered', '2026-06-30T00:00:00Z', [], 'm0'],
    ['five months later, m0 answered', '2026-06-30T00:00:00Z', ['m0'], null],
    ['six months later', '2026-07-31T10:00:00Z', ['m0'], 'm6'],
    ['six months later, m0 missed', '2026-08-15T00:00:00Z', [], 'm6'],
    ['six months later, m6 answered', '2026-09-01T00:00:00Z', ['m0', 'm6'], null],
    ['a year later', '2027-01-31T10:00:00Z', ['m0', 'm6'], 'm12'],
    ['two years later, m12 answered', '2028-01-31T10:00:00Z', ['m12'], null],
  ])('%s → %s', (_case, now, answered, expected) => {
    expect(dueWave(completed, new Date(now), DEFAULT_WAVES, answered)).toBe(expected);
  });

  it('accepts waves in any order', () => {
    expect(dueWave(completed, new Date('2026-08-01T00:00:00Z'), [12, 0, 6], [])).toBe('m6');
  });
});

describe('addMonths', () => {
  it.each([
    ['2026-01-31T10:00:00Z', 1, '2026-02-28T10:00:00.000Z'],
    ['2028-01-31T10:00:00Z', 1, '2028-02-29T10:00:00.000Z'],
    ['2026-08-31T00:00:00Z', 6, '2027-02-28T00:00:00.000Z'],
    ['2026-03-15T00:00:00Z', 12, '2027-03-15T00:00:00.000Z'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(new Date(from), months).toISOString()).toBe(expected);
  });
});
