import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

// The npm entry ships types (dist/index.d.ts) that catch a wrong option at compile time.
const dist = resolve(import.meta.dirname, '../../dist');
const scratch = mkdtempSync(join(tmpdir(), 'npm-types-'));
const consumer = join(scratch, 'consumer.ts');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function diagnosticsOf(code: string): string[] {
  writeFileSync(consumer, code.replaceAll("'./index.js'", JSON.stringify(join(dist, 'index.js'))));
  const program = ts.createProgram([consumer], {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

describe('the npm entry types', () => {
  it('accept the documented use', () => {
    expect(
      diagnosticsOf(`import { OutcomeSurvey, defineElement, type OutcomeSurveyOptions } from './index.js';
const options: OutcomeSurveyOptions = { endpoint: 'https://c.example', siteKey: 'k', survey: 'career-outcomes', trigger: 'event:course_completed', waves: [0, 6] };
void OutcomeSurvey.init(options);
const off: () => void = OutcomeSurvey.on('submitted', (detail) => console.log(detail));
off();
OutcomeSurvey.track('course_completed');
void OutcomeSurvey.show().then((shown: boolean) => shown);
void OutcomeSurvey.pending().then((n: number) => n);
defineElement();
`),
    ).toEqual([]);
  });

  it.each([
    ['a misspelled option', `OutcomeSurvey.init({ endpoint: 'e', sitekey: 'k', survey: 's' });`],
    ['a missing required option', `OutcomeSurvey.init({ endpoint: 'e', survey: 's' });`],
    ['an unknown trigger', `OutcomeSurvey.init({ endpoint: 'e', siteKey: 'k', survey: 's', trigger: 'soon' });`],
    ['an unknown event', `OutcomeSurvey.on('opened', () => {});`],
  ])('reject %s', (_case, line) => {
    expect(diagnosticsOf(`import { OutcomeSurvey } from './index.js';\n${line}\n`)).toHaveLength(1);
  });
});
