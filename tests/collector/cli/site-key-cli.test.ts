import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../collector/config/load-config.ts';
import { SiteAccess } from '../../../collector/http/site-access.ts';
import { runExport } from './run-export.ts';

const siteKey = (args: string[], env: Record<string, string> = {}) => runExport(args, env, 'site-key');
const PROD = { NODE_ENV: 'production', EXPORT_TOKEN: 'x'.repeat(24), LEARNER_REF_SECRET: 'y'.repeat(40) };
const KEY = /^ {2}(sk_[A-Za-z0-9_-]{24})$/m;
const SETTING = /^ {2}SITE_KEYS='(.*)'$/m;

describe('npm run site-key', () => {
  const dir = mkdtempSync(join(tmpdir(), 'site-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a new random key and the SITE_KEYS value that lets the origin post with it', async () => {
    const run = await siteKey(['add', '--origin', 'https://courses.example']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const key = KEY.exec(run.stdout)?.[1] as string;
    const value = SETTING.exec(run.stdout)?.[1] as string;
    expect(run.stdout).toContain(`data-site-key="${key}"`);
    const sites = new SiteAccess(loadConfig({ ...PROD, SITE_KEYS: value }).siteKeys);
    expect(sites.check(key, 'https://courses.example')).toBeUndefined();
    expect(sites.check(key, 'https://evil.example')?.status).toBe(403);
    const again = await siteKey(['add', '--origin', 'https://courses.example']);
    expect(KEY.exec(again.stdout)?.[1]).not.toBe(key);
  });

  it('keeps the keys already set, with every field of theirs, in the value it prints', async () => {
    const current = { old: { origins: ['https://old.example'], learnerSecret: 's'.repeat(32) } };
    const run = await siteKey(['add', '--origin', 'https://a.example', '--origin', 'https://b.example'], {
      SITE_KEYS: JSON.stringify(current),
    });
    const value = JSON.parse(SETTING.exec(run.stdout)?.[1] as string);
    const key = KEY.exec(run.stdout)?.[1] as string;
    expect(value).toEqual({ ...current, [key]: { origins: ['https://a.example', 'https://b.example'] } });
  });

  it('adds the key to a COLLECTOR_CONFIG file, keeping its other settings, and the collector reads it', async () => {
    const file = join(dir, 'collector.json');
    writeFileSync(file, JSON.stringify({ MAX_BATCH: 200, SITE_KEYS: { old: { origins: ['https://old.example'] } } }));
    const run = await siteKey(['add', '--origin', 'https://courses.example', '--config', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Added to ${file}. Start the collector with COLLECTOR_CONFIG=${file}.`);
    const key = KEY.exec(run.stdout)?.[1] as string;
    const config = loadConfig({ ...PROD, COLLECTOR_CONFIG: file });
    expect(config.maxBatch).toBe(200);
    expect(Object.keys(config.siteKeys).sort()).toEqual([key, 'old'].sort());
    expect(JSON.parse(readFileSync(file, 'utf8')).SITE_KEYS[key]).toEqual({ origins: ['https://courses.example'] });
  });

  it('prints its usage with --help', async () => {
    const run = await siteKey(['--help']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^usage: npm run site-key -- add --origin URL/);
  });

  it.each([
    ['no command', [], 'expected the command "add", got none'],
    ['no origin', ['add'], '--origin: required, e.g. --origin https://courses.example'],
    [
      'a URL with a path',
      ['add', '--origin', 'https://courses.example/learn'],
      '--origin: "https://courses.example/learn" is not an origin',
    ],
    [
      'a key already set',
      ['add', '--origin', 'https://a.example', '--key', 'old'],
      '--key: "old" is already in SITE_KEYS',
    ],
    [
      'a key with a quote',
      ['add', '--origin', 'https://a.example', '--key', 'a"b'],
      '--key: expected 1 to 128 letters',
    ],
    ['an unknown option', ['add', '--origins', 'https://a.example'], "Unknown option '--origins'"],
  ])('exits 2 naming the problem for %s, and prints no key', async (_name, args, message) => {
    const run = await siteKey(args, { SITE_KEYS: JSON.stringify({ old: { origins: ['https://old.example'] } }) });
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain(`site-key failed: ${message}`);
    expect(run.stderr).toContain('npm run site-key -- --help');
  });
});
