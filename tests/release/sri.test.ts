import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, ensureBuild } from './ensure-build.ts';

let listed: Record<string, string>;
let scripts: string[];

beforeAll(() => {
  ensureBuild();
  listed = JSON.parse(readFileSync(join(DIST, 'sri.json'), 'utf8'));
  scripts = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .map((f) => f.replaceAll('\\', '/'))
    .filter((f) => /\.(js|mjs|css)$/.test(f));
}, 300_000);

const sha384 = (file: string) =>
  `sha384-${createHash('sha384')
    .update(readFileSync(join(DIST, file)))
    .digest('base64')}`;

describe('dist/sri.json', () => {
  it('lists every script and stylesheet in dist/', () => {
    expect(scripts.filter((f) => !(f in listed))).toEqual([]);
  });

  it('lists no file that is not in dist/', () => {
    expect(Object.keys(listed).filter((f) => !scripts.includes(f))).toEqual([]);
  });

  it('holds the sha384 of each file as it is on disk', () => {
    const wrong = Object.entries(listed)
      .filter(([file, hash]) => sha384(file) !== hash)
      .map(([file]) => file);
    expect(wrong).toEqual([]);
  });

  it.each(['outcome-survey.js', 'outcome-survey-sw.js', 'index.js'])('covers %s, an entry a host loads', (file) => {
    expect(listed[file]).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
  });
});
