import { describe, expect, it } from 'vitest';
import { optionError } from '../../../../widget/core/misuse.ts';
import { parseOptions } from '../../../../widget/core/options/parse-options.ts';

const valid = { endpoint: 'https://collector.example/', siteKey: 'demo-site-key', survey: 'career-outcomes' };

describe('parseOptions', () => {
  it('accepts the minimal options and fills the defaults', () => {
    const result = parseOptions(valid);
    expect(result).toEqual({
      ok: true,
      options: {
        ...valid,
        endpoint: 'https://collector.example',
        trigger: { kind: 'manual' },
        waves: [0, 6, 12],
        capDays: 30,
        completedAt: undefined,
        debug: false,
      },
    });
  });

  it('reads the waves trigger with its completion date', () => {
    const result = parseOptions({ ...valid, trigger: 'waves', completedAt: '2026-01-31', waves: [0, 3] });
    expect(result.ok && result.options.completedAt?.toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(result.ok && result.options.waves).toEqual([0, 3]);
  });

  it.each([
    ['endpoint', 'ftp://collector.example', 'collector URL'],
    ['endpoint', undefined, 'collector URL'],
    ['siteKey', '', 'site key'],
    ['survey', 'Career Outcomes', 'survey id'],
    ['country', 'fr', 'ISO 3166-1 alpha-2'],
    ['locale', 'english please', 'BCP 47'],
    ['learnerRef', '', 'opaque learner id'],
    ['learnerRef', 'ana maria', 'no spaces, "/" or "%"'],
    ['learnerRef', '..', 'other than "." and ".."'],
    ['learnerSig', 'signed', '64 hex digits, HMAC-SHA-256'],
    ['learnerSig', 'a'.repeat(63), '64 hex digits, HMAC-SHA-256'],
    ['learnerSig', 'MTIz'.repeat(16), '64 hex digits, HMAC-SHA-256'],
    ['sw', 'https://elsewhere.example/sw.js', 'service worker on this site'],
    ['debug', 'yes', '"true" or "false"'],
    ['trigger', 'soon', '"event:NAME"'],
    ['completedAt', 'last tuesday', 'ISO 8601 date'],
    ['waves', 'sometimes', 'comma-separated'],
    ['capDays', -1, 'whole number of days'],
    ['capDays', 1.5, 'whole number of days'],
    ['courseId', 'x'.repeat(129), 'at most 128'],
  ])('names %s when it is %j and says what is expected', (option, value, expected) => {
    const raw = { ...valid, [option]: value };
    const result = parseOptions(raw, (k) => `data-${k}`);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.option).toBe(`data-${option}`);
    expect(optionError(raw, result)).toContain(`"data-${option}"`);
    expect(optionError(raw, result)).toContain(expected);
  });

  it.each(['0123456789abcdef'.repeat(4), 'ABCDEF0123456789'.repeat(4)])(
    'accepts the hex signature %s',
    (learnerSig) => {
      const result = parseOptions({ ...valid, learnerRef: 'L1', learnerSig });
      expect(result.ok && result.options.learnerSig).toBe(learnerSig);
    },
  );

  it('asks for completedAt when the trigger is waves', () => {
    const result = parseOptions({ ...valid, trigger: 'waves' });
    expect(result.ok ? null : result.option).toBe('completedAt');
  });

  it('names an unknown option only when strict (init from code)', () => {
    expect(parseOptions({ ...valid, sitekey: 'x' }).ok).toBe(true);
    const strict = parseOptions({ ...valid, sitekey: 'x' }, (k) => k, true);
    expect(strict.ok ? null : strict.option).toBe('sitekey');
  });

  it.each(['sitekey', 'toString'])('lists the known options when %s is not one of them', (name) => {
    const raw = { ...valid, [name]: 'x' };
    const result = parseOptions(raw, (k) => k, true);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(optionError(raw, result)).toContain(
      `option "${name}" is invalid (got "x"); expected one of the known options: endpoint, siteKey`,
    );
  });
});
