import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../collector/config/load-config.ts';

describe('RETENTION_MONTHS', () => {
  it('defaults to the 24 months the consent screen promises', () => {
    expect(loadConfig({}).retentionMonths).toBe(24);
  });

  it.each([
    ['1', 1],
    ['36', 36],
    ['120', 120],
  ])('accepts %s', (value, months) => {
    expect(loadConfig({ RETENTION_MONTHS: value }).retentionMonths).toBe(months);
  });

  it.each(['0', '121', '1.5', 'two years'])('refuses %j, naming the setting and the value', (value) => {
    expect(() => loadConfig({ RETENTION_MONTHS: value })).toThrow(ConfigError);
    expect(() => loadConfig({ RETENTION_MONTHS: value })).toThrow(/RETENTION_MONTHS: /);
    expect(() => loadConfig({ RETENTION_MONTHS: value })).toThrow(`got "${value}"`);
  });
});
