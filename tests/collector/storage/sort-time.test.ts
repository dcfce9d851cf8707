import { describe, expect, it } from 'vitest';
import { sortTime } from '../../../collector/storage/sort-time.ts';

describe('sortTime', () => {
  it.each([
    ['2026-03-01T10:00:00Z', '2026-03-01T10:00:00.000000000Z'],
    ['2026-03-01T10:00:00.5Z', '2026-03-01T10:00:00.500000000Z'],
    ['2026-03-01T10:00:00.123456789123Z', '2026-03-01T10:00:00.123456789Z'],
    ['2026-03-01', '2026-03-01T00:00:00.000000000Z'],
    ['2026-03-01T12:00', '2026-03-01T12:00:00.000000000Z'],
    ['2026-03-01T12:00:00+02:00', '2026-03-01T10:00:00.000000000Z'],
  ])('writes %s as %s', (input, expected) => {
    expect(sortTime(input)).toBe(expected);
  });

  it('sorts as strings in the order of the instants', () => {
    const instants = ['2026-03-01T10:00:00.5Z', '2026-03-01T10:00:00Z', '2026-03-01T09:59:59.9999Z'];
    expect(instants.map((t) => sortTime(t)).sort()).toEqual(
      ['2026-03-01T09:59:59.9999Z', '2026-03-01T10:00:00Z', '2026-03-01T10:00:00.5Z'].map((t) => sortTime(t)),
    );
  });

  it.each(['yesterday', '', '2026-13-45T99:00:00Z'])('names where %j came from when it is not a timestamp', (input) => {
    expect(() => sortTime(input, 'filter "to"')).toThrow(/filter "to": expected an ISO 8601 timestamp/);
  });
});
