import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, DEV_SITE_KEYS, loadConfig } from '../../../collector/config/load-config.ts';

const PROD = {
  NODE_ENV: 'production',
  EXPORT_TOKEN: 'a-long-enough-export-token',
  LEARNER_REF_SECRET: 'x'.repeat(32),
  SITE_KEYS: '{"k":{"origins":["https://learn.example"]}}',
};

describe('loadConfig', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  const file = (content: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'collector-config-'));
    dirs.push(dir);
    const path = join(dir, 'collector.json');
    writeFileSync(path, content);
    return path;
  };

  it('gives development defaults and generates an export token', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      databaseUrl: 'sqlite:data/outcomes.sqlite',
      databasePoolSize: 10,
      maxBodyBytes: 1048576,
      maxRosterBytes: 200 * 1024 * 1024,
      maxBatch: 500,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      idleTimeoutMs: 5_000,
      maxConnections: 1_000,
    });
    expect(config.siteKeys).toEqual(DEV_SITE_KEYS);
    expect(config.exportTokenGenerated).toBe(true);
    expect(config.exportToken.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({}).exportToken).not.toBe(config.exportToken);
  });

  it('reads production settings from the environment', () => {
    const config = loadConfig({
      ...PROD,
      COLLECTOR_PORT: '9000',
      TRUST_PROXY: 'true',
      INCLUDE_ASYLUM_SEEKERS: '1',
      DATABASE_POOL_SIZE: '25',
      MAX_ROSTER_BYTES: '1048576',
    });
    expect(config).toMatchObject({
      production: true,
      port: 9000,
      databasePoolSize: 25,
      maxRosterBytes: 1048576,
      trustProxy: true,
      includeAsylumSeekers: true,
      exportTokenGenerated: false,
    });
    expect(config.siteKeys).toEqual({ k: { origins: ['https://learn.example'] } });
  });

  it.each([
    ['leaves the erase token unset, so the export token also erases', {}, undefined],
    ['reads an erase token', { ERASE_TOKEN: 'a-long-enough-erase-token' }, 'a-long-enough-erase-token'],
  ])('%s', (_name, env, eraseToken) => {
    expect(loadConfig({ ...PROD, ...env }).eraseToken).toBe(eraseToken);
  });

  it.each([
    ['leaves the report token unset, so only the export token reads reports', {}, undefined],
    ['reads a report token', { REPORT_TOKEN: 'a-long-enough-report-token' }, 'a-long-enough-report-token'],
  ])('%s', (_name, env, reportToken) => {
    expect(loadConfig({ ...PROD, ...env }).reportToken).toBe(reportToken);
  });

  it.each([
    ['keeps the demo key beside the SITE_KEYS given, in development', {}, true],
    ['drops the demo key in production', PROD, false],
  ])('%s', (_name, env, demo) => {
    const config = loadConfig({ ...env, SITE_KEYS: '{"mine":{"origins":["https://courses.example"]}}' });
    expect(config.siteKeys.mine).toEqual({ origins: ['https://courses.example'] });
    expect('demo-site-key' in config.siteKeys).toBe(demo);
  });

  it.each([
    ['defaults the partial threshold to half the questions asked', {}, 0.5],
    ['reads PARTIAL_THRESHOLD', { PARTIAL_THRESHOLD: '0.8' }, 0.8],
  ])('%s', (_name, env, threshold) => {
    expect(loadConfig(env).partialThreshold).toBe(threshold);
  });

  it.each([
    ['defaults the yearly career-outcome target to 500,000', {}, 500_000],
    ['reads IMPACT_CAREER_TARGET', { IMPACT_CAREER_TARGET: '120000' }, 120_000],
  ])('%s', (_name, env, target) => {
    expect(loadConfig(env).impactCareerTarget).toBe(target);
  });

  it('allows the demo page on DEMO_PORT with the demo key', () => {
    expect(loadConfig({ DEMO_PORT: '9090' }).siteKeys['demo-site-key']).toEqual({
      origins: ['http://localhost:9090', 'http://127.0.0.1:9090'],
    });
  });

  it.each([
    ['COLLECTOR_PORT', { COLLECTOR_PORT: 'eighty' }, 'COLLECTOR_PORT'],
    ['DEMO_PORT', { DEMO_PORT: 'eighty' }, 'DEMO_PORT'],
    ['COLLECTOR_PORT range', { COLLECTOR_PORT: '70000' }, 'COLLECTOR_PORT'],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://db' }, 'DATABASE_URL: expected "sqlite:PATH" or "postgres://…"'],
    ['MAX_BATCH', { MAX_BATCH: '501' }, 'MAX_BATCH'],
    ['DATABASE_POOL_SIZE', { DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    ['MAX_BODY_BYTES', { MAX_BODY_BYTES: '-1' }, 'MAX_BODY_BYTES'],
    ['MAX_ROSTER_BYTES', { MAX_ROSTER_BYTES: '100' }, 'MAX_ROSTER_BYTES'],
    ['SITE_KEYS JSON', { SITE_KEYS: '{not json' }, 'SITE_KEYS'],
    [
      'a site origin',
      { SITE_KEYS: '{"k":{"origins":["https://learn.example/"]}}' },
      'SITE_KEYS.k.origins.0: expected an origin',
    ],
    ['TRUST_PROXY', { TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    ['HEADERS_TIMEOUT_MS', { HEADERS_TIMEOUT_MS: 'soon' }, 'HEADERS_TIMEOUT_MS'],
    ['REQUEST_TIMEOUT_MS range', { REQUEST_TIMEOUT_MS: '0' }, 'REQUEST_TIMEOUT_MS'],
    ['IDLE_TIMEOUT_MS', { IDLE_TIMEOUT_MS: '-5' }, 'IDLE_TIMEOUT_MS'],
    ['MAX_CONNECTIONS', { MAX_CONNECTIONS: '0' }, 'MAX_CONNECTIONS'],
    ['IMPACT_CAREER_TARGET zero', { IMPACT_CAREER_TARGET: '0' }, 'IMPACT_CAREER_TARGET'],
    ['PARTIAL_THRESHOLD zero', { PARTIAL_THRESHOLD: '0' }, 'PARTIAL_THRESHOLD: expected a share above 0'],
    ['PARTIAL_THRESHOLD above 1', { PARTIAL_THRESHOLD: '1.5' }, 'PARTIAL_THRESHOLD: expected a share above 0'],
    [
      'a header timeout longer than the request timeout',
      { HEADERS_TIMEOUT_MS: '40000', REQUEST_TIMEOUT_MS: '30000' },
      'HEADERS_TIMEOUT_MS: 40000 is longer than REQUEST_TIMEOUT_MS (30000)',
    ],
    ['EXPORT_TOKEN length', { EXPORT_TOKEN: 'short' }, 'EXPORT_TOKEN: expected at least 16 characters'],
    ['ERASE_TOKEN length', { ERASE_TOKEN: 'short' }, 'ERASE_TOKEN: expected at least 16 characters'],
    [
      'an ERASE_TOKEN equal to EXPORT_TOKEN',
      { ...PROD, ERASE_TOKEN: PROD.EXPORT_TOKEN },
      'ERASE_TOKEN: must differ from EXPORT_TOKEN',
    ],
    ['REPORT_TOKEN length', { REPORT_TOKEN: 'short' }, 'REPORT_TOKEN: expected at least 16 characters'],
    [
      'a REPORT_TOKEN equal to EXPORT_TOKEN',
      { ...PROD, REPORT_TOKEN: PROD.EXPORT_TOKEN },
      'REPORT_TOKEN: must differ from EXPORT_TOKEN',
    ],
    [
      'a REPORT_TOKEN equal to ERASE_TOKEN',
      { ...PROD, ERASE_TOKEN: 'a-long-enough-erase-token', REPORT_TOKEN: 'a-long-enough-erase-token' },
      'REPORT_TOKEN: must differ from ERASE_TOKEN',
    ],
    [
      'a required production secret',
      { ...PROD, LEARNER_REF_SECRET: undefined },
      'LEARNER_REF_SECRET: required when NODE_ENV=production',
    ],
    [
      'required production site keys',
      { ...PROD, SITE_KEYS: undefined },
      'SITE_KEYS: required when NODE_ENV=production',
    ],
  ])('names the setting for a bad %s', (_name, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a secret in its error', () => {
    expect(() => loadConfig({ EXPORT_TOKEN: 'tiny-secret' })).not.toThrow(/tiny-secret/);
    expect(() => loadConfig({ ERASE_TOKEN: 'tiny-secret' })).not.toThrow(/tiny-secret/);
    expect(() => loadConfig({ ...PROD, ERASE_TOKEN: PROD.EXPORT_TOKEN })).not.toThrow(PROD.EXPORT_TOKEN);
    expect(() => loadConfig({ REPORT_TOKEN: 'tiny-secret' })).not.toThrow(/tiny-secret/);
    expect(() => loadConfig({ ...PROD, REPORT_TOKEN: PROD.EXPORT_TOKEN })).not.toThrow(PROD.EXPORT_TOKEN);
    const erase = 'a-long-enough-erase-token';
    expect(() => loadConfig({ ...PROD, ERASE_TOKEN: erase, REPORT_TOKEN: erase })).not.toThrow(erase);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://user:pw@db' })).not.toThrow(/pw@db/);
  });

  it('reads a JSON file under the environment', () => {
    const path = file(
      JSON.stringify({ COLLECTOR_PORT: 9100, MAX_BATCH: 50, SITE_KEYS: { k: { origins: ['https://a.example'] } } }),
    );
    const config = loadConfig({ COLLECTOR_CONFIG: path, MAX_BATCH: '20' });
    expect(config).toMatchObject({ port: 9100, maxBatch: 20, siteKeys: { k: { origins: ['https://a.example'] } } });
  });

  it.each([
    ['an unknown setting', '{"MAX_BATHC": 5}', 'unknown setting MAX_BATHC'],
    ['invalid JSON', '{', 'COLLECTOR_CONFIG: cannot read'],
    ['a list', '[]', 'must hold a JSON object'],
  ])('names the file for %s', (_name, content, message) => {
    const path = file(content);
    expect(() => loadConfig({}, path)).toThrow(message);
  });
});
