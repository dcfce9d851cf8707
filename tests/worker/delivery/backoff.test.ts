import { describe, expect, it } from 'vitest';
import { backoffDelay, nextAttemptAt, parseRetryAfter } from '../../../worker/delivery/backoff.ts';

const policy = { baseMs: 1000, capMs: 60_000 };

describe('backoffDelay', () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [5, 16_000],
    [7, 60_000],
    [30, 60_000],
  ])('after %i failed attempts waits less than %i ms', (attempts, ceiling) => {
    expect(backoffDelay(attempts, () => 0.999999, policy)).toBe(Math.floor(0.999999 * ceiling));
    expect(backoffDelay(attempts, () => 0, policy)).toBe(0);
  });

  it('spreads clients over the whole window (full jitter)', () => {
    expect(backoffDelay(4, () => 0.5, policy)).toBe(4000);
  });
});

describe('nextAttemptAt', () => {
  it('never comes before the Retry-After the collector asked for', () => {
    expect(nextAttemptAt(1000, 1, 30_000, () => 0, policy)).toBe(31_000);
  });

  it('caps a Retry-After beyond the cap', () => {
    expect(nextAttemptAt(0, 1, 10 * 60_000, () => 0, policy)).toBe(60_000);
  });

  it('keeps the jittered delay when it is longer than Retry-After', () => {
    expect(nextAttemptAt(0, 6, 1000, () => 0.5, policy)).toBe(16_000);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Thu, 01 Jan 2026 00:00:30 GMT', 30_000],
    ['Wed, 31 Dec 2025 23:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ])('reads %j as %j ms', (value, ms) => {
    expect(parseRetryAfter(value, now)).toBe(ms);
  });
});
