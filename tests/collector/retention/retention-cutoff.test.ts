import { describe, expect, it } from 'vitest';
import { retentionCutoff } from '../../../collector/storage/retention-cutoff.ts';

describe('retentionCutoff', () => {
  it.each([
    ['2026-05-15T10:20:30.456Z', 24, '2024-05-15T10:20:30.456Z'],
    ['2026-01-31T00:00:00.000Z', 13, '2024-12-31T00:00:00.000Z'],
    ['2026-03-31T12:00:00.000Z', 1, '2026-02-28T12:00:00.000Z'],
    ['2028-02-29T08:00:00.000Z', 24, '2026-02-28T08:00:00.000Z'],
    ['2028-03-31T08:00:00.000Z', 1, '2028-02-29T08:00:00.000Z'],
    ['2026-06-30T23:59:59.999Z', 120, '2016-06-30T23:59:59.999Z'],
  ])('goes back from %s by %i months to %s', (now, months, cutoff) => {
    expect(retentionCutoff(new Date(now), months)).toBe(cutoff);
  });
});
