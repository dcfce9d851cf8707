import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, ensureBuild, ROOT } from './ensure-build.ts';

// A TypeScript project that installed the package: it finds the built declarations through
// the exports map alone, with no other package beside it.
const CONSUMER = `
import { defineElement, type EventName, OutcomeSurvey, type OutcomeSurveyOptions } from 'outcome-survey';
const options: OutcomeSurveyOptions = { endpoint: 'https://collector.example', siteKey: 'k', survey: 's' };
const started: Promise<boolean> = OutcomeSurvey.init(options);
const event: EventName = 'synced';
defineElement();
void OutcomeSurvey.pending().then((n: number) => n + 1);
// @ts-expect-error the types are real, not any: an unknown method is an error
OutcomeSurvey.notAMethod();
export { event, started };
`;

const tsc = join(ROOT, 'node_modules/.bin/tsc');
let dir: string;

beforeAll(() => {
  ensureBuild();
  dir = mkdtempSync(join(tmpdir(), 'outcome-survey-types-'));
  const pkg = join(dir, 'node_modules/outcome-survey');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  copyFileSync(join(ROOT, 'package.json'), join(pkg, 'package.json'));
  for (const file of ['index.d.ts', 'public-types.d.ts', 'index.js'])
    copyFileSync(join(DIST, file), join(pkg, 'dist', file));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'use.ts'), CONSUMER);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the npm entry types', () => {
  it.each([
    ['bundler', 'ESNext'],
    ['node16', 'node16'],
  ])(
    'type-check a consumer using moduleResolution %s',
    (moduleResolution, module) => {
      const compilerOptions = {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module,
        moduleResolution,
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        types: [],
        skipLibCheck: false,
      };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['use.ts'] }));
      const run = spawnSync(tsc, ['-p', join(dir, 'tsconfig.json')], { cwd: dir, encoding: 'utf8' });
      expect({ status: run.status, errors: run.stdout }).toEqual({ status: 0, errors: '' });
    },
    60_000,
  );
});
